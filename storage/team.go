package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// The team database's schema and roles. Professionals are members of
// RoleProfessional; the tables belong to roleOwner, which nobody works as.
const (
	teamSchema       = "samenbeslissen"
	roleOwner        = "samenbeslissen_eigenaar"
	RoleProfessional = "samenbeslissen_medewerker"
	RoleTeamLead     = "samenbeslissen_teamleider"
	RolePrivacy      = "samenbeslissen_privacy"
	RolePolicy       = "samenbeslissen_beleid"
)

// Errors of a team database, in Dutch for the user.
var (
	ErrOffline     = errors.New("geen verbinding met de teamdatabase")
	ErrNotSetUp    = errors.New("de teamdatabase is nog niet ingericht. Vraag je beheerder om 'samenbeslissen team inrichten' uit te voeren")
	ErrBypassesRLS = errors.New("deze login omzeilt de toegangsregels van de teamdatabase, dus werkt de app er niet mee. Meld je aan met je eigen login; de beheerder maakt die met 'samenbeslissen team medewerker'")
	ErrDenied      = errors.New("de teamdatabase geeft je hier geen toegang toe")
	ErrSignIn      = errors.New("aanmelden bij de teamdatabase lukt niet: de login of het wachtwoord klopt niet. Zet je wachtwoord in je wachtwoordbestand (pgpass) of vraag je beheerder hoe je je aanmeldt")
	ErrSetUpOld    = errors.New("de teamdatabase is ingericht met een oudere versie van de app. Vraag je beheerder om 'samenbeslissen team inrichten' opnieuw uit te voeren")
	ErrNoTeamRole  = errors.New("deze login is nog geen medewerker in de teamdatabase. Vraag je beheerder om 'samenbeslissen team medewerker' voor je uit te voeren")
)

// IsTeamURL says whether a --db value names a team's PostgreSQL database
// rather than a file.
func IsTeamURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Team is the connection to a team database.
type Team struct {
	User         string // the login role this app works as
	Professional bool   // works with clients of their own
	Lead         bool   // a team lead: sees and hands over every client
	Privacy      bool   // the privacy officer: reads the audit log
	Policy       bool   // policy or quality staff: count the team's anonymous figures
	Computer     string // this computer's name, for the audit log
	where        string // host and database, without the password, for messages
}

// NoClients says whether this login has no clients and reads none: policy
// staff, who count the team's figures, and the privacy officer, who reads
// the audit log.
func (d *DB) NoClients() bool { return d.team != nil && !d.team.Professional }

// Where names the server and database, for the status line and messages.
func (t *Team) Where() string { return t.where }

// teamConfig parses a URL and sets what every connection needs: our
// schema first on the search path, the app's name for the server's
// activity view, and a time limit on connecting.
func teamConfig(url string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("het adres van de teamdatabase klopt niet (%v). Het begint met postgres://", err)
	}
	cfg.RuntimeParams["search_path"] = teamSchema
	cfg.RuntimeParams["application_name"] = "Samen Beslissen"
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	return cfg, nil
}

// OpenTeam connects to a team database as the login in url. It refuses a
// login that bypasses row-level security (a superuser, BYPASSRLS, or the
// tables' owner), one that is not a professional, and a schema that is
// missing, older or newer than this app's; it never changes the schema
// (that is 'team inrichten', by the database administrator).
func OpenTeam(ctx context.Context, url string) (*DB, error) {
	cfg, err := teamConfig(url)
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	d := &DB{sql: db, engine: enginePostgres}
	d.team = &Team{where: fmt.Sprintf("%s/%s", cfg.Host, cfg.Database)}
	d.team.Computer, _ = os.Hostname()
	if err := d.checkTeam(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// CheckTeam connects to a team database as OpenTeam does, and closes again.
func CheckTeam(ctx context.Context, url string) error {
	d, err := OpenTeam(ctx, url)
	if err != nil {
		return err
	}
	return d.Close()
}

func (d *DB) checkTeam(ctx context.Context) error {
	var user string
	var super, bypass, setUp bool
	// The catalogues, unlike to_regclass, need no access to our schema.
	err := d.sql.QueryRowContext(ctx, `SELECT current_user, rolsuper, rolbypassrls,
		EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'schema_version')
		FROM pg_roles WHERE rolname = current_user`, teamSchema).Scan(&user, &super, &bypass, &setUp)
	if err != nil {
		return fmt.Errorf("teamdatabase %s: %w", d.team.where, d.describe(err))
	}
	d.team.User = user
	if super || bypass {
		return fmt.Errorf("%s: %w", user, ErrBypassesRLS)
	}
	if !setUp {
		return fmt.Errorf("teamdatabase %s: %w", d.team.where, ErrNotSetUp)
	}
	var owner bool
	err = d.sql.QueryRowContext(ctx, `SELECT pg_has_role(current_user, $1, 'MEMBER'), pg_has_role(current_user, $2, 'MEMBER'),
		pg_has_role(current_user, $3, 'MEMBER'), pg_has_role(current_user, $4, 'MEMBER'), pg_has_role(current_user, $5, 'MEMBER')`,
		roleOwner, RoleProfessional, RoleTeamLead, RolePrivacy, RolePolicy).Scan(&owner, &d.team.Professional, &d.team.Lead, &d.team.Privacy, &d.team.Policy)
	if err != nil {
		return fmt.Errorf("teamdatabase %s: %w", d.team.where, d.describe(err))
	}
	if owner {
		return fmt.Errorf("%s: %w", user, ErrBypassesRLS)
	}
	if !d.team.Professional && !d.team.Lead && !d.team.Privacy && !d.team.Policy {
		return fmt.Errorf("%s: %w", user, ErrNoTeamRole)
	}
	var version int
	if err := d.sql.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version); err != nil {
		return fmt.Errorf("teamdatabase %s: %w", d.team.where, d.describe(err))
	}
	switch {
	case version > SchemaVersion():
		return fmt.Errorf("teamdatabase %s: %w (schema %d; deze versie kent tot %d). Installeer de nieuwste versie van de app", d.team.where, ErrTooNew, version, SchemaVersion())
	case version < SchemaVersion():
		return fmt.Errorf("de teamdatabase %s is ingericht voor een oudere versie van de app (schema %d; deze versie heeft %d nodig). Vraag je beheerder om 'samenbeslissen team inrichten' uit te voeren", d.team.where, version, SchemaVersion())
	}
	return nil
}

// describe replaces an error the user can act on by one that says so in
// Dutch: for SQLite a full disk or no access, for a team database no
// connection, or a refusal by the server's access rules in the server's
// own words (our functions raise them in Dutch).
func (d *DB) describe(err error) error {
	if err == nil || d.engine == engineSQLite {
		return describe(err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "42501" && strings.HasPrefix(pe.Message, "permission denied"):
			return fmt.Errorf("%w (%s)", ErrDenied, pe.Message)
		case pe.Code == "42501" || pe.Code == "22023":
			return errors.New(pe.Message)
		case pe.Code == "42883": // a function of a newer access.sql
			return fmt.Errorf("%w (%s)", ErrSetUpOld, pe.Message)
		case pe.Code == "28P01" || pe.Code == "28000":
			return fmt.Errorf("%w (%s)", ErrSignIn, pe.Message)
		case strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P03":
			return fmt.Errorf("%w: %s", ErrOffline, pe.Message)
		}
		return err
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone) || errors.Is(err, context.DeadlineExceeded) ||
		pgconn.SafeToRetry(err) || strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "unexpected EOF") {
		return fmt.Errorf("%w: %v", ErrOffline, err)
	}
	return err
}
