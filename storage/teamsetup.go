package storage

import (
	"context"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
)

// SetUp is what SetUpTeam did.
type SetUp struct {
	From, To int // schema versions before and after
}

// SetUpTeam creates or brings up to date a team database: the group
// roles, the schema samenbeslissen owned by samenbeslissen_eigenaar, the
// numbered migrations and the access rules (migrations/postgres/access.sql).
// It runs as a database administrator who may create roles, in one
// transaction, and can run again safely: a second run changes nothing.
func SetUpTeam(ctx context.Context, url string) (SetUp, error) {
	var r SetUp
	cfg, err := teamConfig(url)
	if err != nil {
		return r, err
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return r, fmt.Errorf("teamdatabase: %w: %v", ErrOffline, err)
	}
	defer conn.Close(ctx)
	var super, createRole bool
	if err := conn.QueryRow(ctx, `SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user`).Scan(&super, &createRole); err != nil {
		return r, fmt.Errorf("teamdatabase inrichten: %w", err)
	}
	if !super && !createRole {
		return r, fmt.Errorf("teamdatabase inrichten: deze login mag geen rollen maken. Gebruik een login met CREATEROLE (of een superuser)")
	}
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		// Two administrators at once wait for each other.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('samenbeslissen team inrichten'))`); err != nil {
			return err
		}
		for _, role := range []string{roleOwner, RoleProfessional, RoleTeamLead, RolePrivacy, RolePolicy} {
			var exists bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, role).Scan(&exists); err != nil {
				return err
			}
			if !exists {
				if _, err := tx.Exec(ctx, `CREATE ROLE `+role+` NOLOGIN`); err != nil {
					return fmt.Errorf("rol %s maken: %w", role, err)
				}
			}
		}
		if !super {
			// To act as the owner below; a superuser can already.
			if _, err := tx.Exec(ctx, `GRANT `+roleOwner+` TO CURRENT_USER`); err != nil {
				return err
			}
		}
		for _, q := range []string{
			`CREATE SCHEMA IF NOT EXISTS ` + teamSchema + ` AUTHORIZATION ` + roleOwner,
			// Trigram search; a trusted extension, so the database's owner
			// may make it without being a superuser.
			`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ` + teamSchema,
			`SET LOCAL ROLE ` + roleOwner,
			`SET LOCAL search_path = ` + teamSchema,
			`CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`,
			`INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)`,
		} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		if err := tx.QueryRow(ctx, `SELECT version FROM schema_version`).Scan(&r.From); err != nil {
			return err
		}
		if r.From > SchemaVersion() {
			return fmt.Errorf("%w (schema %d; deze versie kent tot %d). Richt de database in met de nieuwste versie van de app", ErrTooNew, r.From, SchemaVersion())
		}
		r.To = r.From
		for _, m := range migrations(enginePostgres) {
			if m.version <= r.From {
				continue
			}
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
			if _, err := tx.Exec(ctx, `UPDATE schema_version SET version = $1`, m.version); err != nil {
				return err
			}
			r.To = m.version
		}
		access, _ := migrationFiles.ReadFile("migrations/postgres/access.sql")
		if _, err := tx.Exec(ctx, string(access)); err != nil {
			return fmt.Errorf("access.sql: %w", err)
		}
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("teamdatabase inrichten: %w", err)
	}
	return r, nil
}

// Kinds of login that AddLogin makes.
const (
	LoginProfessional = iota // a professional, who reaches their own clients
	LoginTeamLead            // a professional who is also a team lead
	LoginPrivacy             // the privacy officer, who reads the audit log only
	LoginPolicy              // policy or quality staff, who count the team's anonymous figures only
)

// loginName is what a login may be called: what PostgreSQL takes without
// quoting, and what a municipality's account names look like.
var loginName = regexp.MustCompile(`^[a-z_][a-z0-9_.-]{0,62}$`)

// AddLogin creates a login role of one kind, or gives an existing login
// that kind. The role gets no password: the administrator sets one (psql's
// \password) or lets the server use the municipality's own sign-in
// (LDAP, Kerberos, certificates) in pg_hba.conf.
func AddLogin(ctx context.Context, url, name string, kind int) error {
	if !loginName.MatchString(name) {
		return fmt.Errorf("%q kan geen login zijn: gebruik kleine letters, cijfers, _ . of -, en begin met een letter", name)
	}
	cfg, err := teamConfig(url)
	if err != nil {
		return err
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("teamdatabase: %w: %v", ErrOffline, err)
	}
	defer conn.Close(ctx)
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		var exists, setUp bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1), to_regrole($2) IS NOT NULL`, name, RoleProfessional).Scan(&exists, &setUp); err != nil {
			return err
		}
		if !setUp {
			return ErrNotSetUp
		}
		ident := pgx.Identifier{name}.Sanitize()
		if !exists {
			if _, err := tx.Exec(ctx, `CREATE ROLE `+ident+` LOGIN`); err != nil {
				return fmt.Errorf("login %s maken: %w", name, err)
			}
		}
		roles := map[int][]string{
			LoginProfessional: {RoleProfessional},
			LoginTeamLead:     {RoleProfessional, RoleTeamLead},
			LoginPrivacy:      {RolePrivacy},
			LoginPolicy:       {RolePolicy},
		}[kind]
		for _, role := range roles {
			var exists bool
			if err := tx.QueryRow(ctx, `SELECT to_regrole($1) IS NOT NULL`, role).Scan(&exists); err != nil {
				return err
			}
			if !exists { // a role of a newer app
				return ErrSetUpOld
			}
			if _, err := tx.Exec(ctx, `GRANT `+role+` TO `+ident); err != nil {
				return fmt.Errorf("login %s de rol %s geven: %w", name, role, err)
			}
		}
		return nil
	})
}
