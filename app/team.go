package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/samenbeslissen/samenbeslissen/storage"
)

// teamLockName is the lock, in the storage folder, that allows one window
// per laptop on a team database.
const teamLockName = "teamdatabase"

const teamUsage = `Gebruik:
  samenbeslissen team inrichten --db postgres://…
        maak of werk de teamdatabase bij: schema, rollen en toegangsregels
        (als databasebeheerder, met een login die rollen mag maken; kan vaker)
  samenbeslissen team medewerker --db postgres://… --naam LOGIN [--teamleider | --privacy | --beleid]
        maak de eigen login van een medewerker (of geef een bestaande login die rol);
        --teamleider ziet alle cliënten en wie ze heeft, kan ze overdragen en telt
        de cijfers van het hele team; --privacy is de privacyfunctionaris, die alleen
        het logboek leest; --beleid is een beleids- of kwaliteitsmedewerker, die alleen
        de anonieme cijfers van het hele team telt en geen cliënt ziet
  samenbeslissen team overzetten --db postgres://… [--van BESTAND] [--daarna bewaren|wissen]
        zet de cliënten en gesprekken van deze laptop in de teamdatabase, op je eigen
        naam; nog eens doen zet niets dubbel. Daarna blijft het bestand als
        reservekopie, of wordt het met zijn reservekopieën gewist (dat wordt eerst gevraagd)
  samenbeslissen team logboek --db postgres://… --client ID [--uit logboek.csv]
        wie deze cliënt opende, afdrukte, exporteerde, overdroeg of wiste, en wanneer
        (voor de privacyfunctionaris; zonder --uit op het scherm)
`

// runTeam runs the team database's commands for its administrator.
func runTeam(dataDir, db string, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, teamUsage)
		return 2
	}
	fs := flag.NewFlagSet("team "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, teamUsage) }
	fs.StringVar(&db, "db", db, "")
	name := fs.String("naam", "", "")
	lead := fs.Bool("teamleider", false, "")
	privacy := fs.Bool("privacy", false, "")
	policy := fs.Bool("beleid", false, "")
	client := fs.Int64("client", 0, "")
	out := fs.String("uit", "", "")
	from := fs.String("van", filepath.Join(dataDir, storage.DatabaseFileName), "")
	after := fs.String("daarna", "", "")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if !storage.IsTeamURL(db) {
		fmt.Fprintln(stderr, "geef de teamdatabase met --db postgres://SERVER/DATABASE?user=LOGIN (of zet 'database' in het instellingenbestand van de gemeente)")
		return 2
	}
	ctx := context.Background()
	switch args[0] {
	case "inrichten":
		r, err := storage.SetUpTeam(ctx, db)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if r.From == r.To {
			fmt.Fprintf(stdout, "De teamdatabase was al bij (schema %d); de rollen en toegangsregels zijn opnieuw gezet.\n", r.To)
		} else {
			fmt.Fprintf(stdout, "De teamdatabase is ingericht: schema %d → %d, met de rollen en toegangsregels.\n", r.From, r.To)
		}
		fmt.Fprintln(stdout, "Maak nu voor iedere medewerker een eigen login: samenbeslissen team medewerker --naam LOGIN")
		return 0
	case "medewerker":
		roles := 0 // at most one of the flags
		for _, on := range []bool{*lead, *privacy, *policy} {
			if on {
				roles++
			}
		}
		if *name == "" || roles > 1 {
			fmt.Fprint(stderr, teamUsage)
			return 2
		}
		kind, what := storage.LoginProfessional, "medewerker"
		switch {
		case *lead:
			kind, what = storage.LoginTeamLead, "medewerker en teamleider"
		case *privacy:
			kind, what = storage.LoginPrivacy, "privacyfunctionaris"
		case *policy:
			kind, what = storage.LoginPolicy, "beleidsmedewerker (alleen cijfers)"
		}
		if err := storage.AddLogin(ctx, db, *name, kind); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "%s is %s in de teamdatabase.\n", *name, what)
		fmt.Fprintln(stdout, "De login heeft geen wachtwoord van de app: zet er een met psql (\\password), of laat de server aanmelden via de eigen aanmelding van de gemeente (pg_hba.conf).")
		return 0
	case "overzetten":
		return moveToTeam(*from, db, *after, stdout, stderr)
	case "logboek":
		if *client == 0 {
			fmt.Fprint(stderr, teamUsage)
			return 2
		}
		if err := exportAuditLog(db, *client, *out, stdout); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if *out != "" {
			fmt.Fprintf(stdout, "Het logboek van cliënt %d staat in %s.\n", *client, *out)
		}
		return 0
	}
	fmt.Fprintf(stderr, "onbekende opdracht team %q\n\n%s", args[0], teamUsage)
	return 2
}

// exportAuditLog writes one client's audit log as CSV (semicolons and a
// byte-order mark, as Dutch Excel opens it) to a file, or to stdout.
func exportAuditLog(url string, clientID int64, path string, stdout io.Writer) error {
	d, err := storage.Open(url)
	if err != nil {
		return err
	}
	defer d.Close()
	entries, err := d.AuditLog(clientID)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if path != "" {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.Write([]string{"Wanneer", "Wie", "Wat", "Waarover", "Computer"})
	for _, e := range entries {
		w.Write([]string{e.At.Local().Format("2-1-2006 15:04:05"), e.Who, e.Action, e.Detail, e.Computer})
	}
	w.Flush()
	if path == "" {
		_, err = stdout.Write(b.Bytes())
		return err
	}
	return storage.WriteFileAtomic(path, b.Bytes())
}

// stdin is where questions on the command line are answered; tests
// replace it.
var stdin io.Reader = os.Stdin

// moveToTeam copies the laptop's database into the team database as the
// professional who runs it, reports and checks the counts, and then keeps
// the laptop's file as a backup or, when confirmed, erases it.
func moveToTeam(from, db, after string, stdout, stderr io.Writer) int {
	if after != "" && after != "bewaren" && after != "wissen" {
		fmt.Fprintln(stderr, "--daarna is bewaren of wissen")
		return 2
	}
	if _, err := os.Stat(from); err != nil {
		fmt.Fprintf(stderr, "er is geen database op deze laptop in %s; geef het bestand met --van\n", from)
		return 1
	}
	laptop, err := storage.Open(from)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer laptop.Close()
	team, err := storage.Open(db)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer team.Close()
	t, err := storage.CopyToTeam(laptop, team)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "Overgezet naar de teamdatabase, op naam van %s: %s en %s, met %s, %s en %s.\n", team.Login(),
		count(t.Clients, "cliënt", "cliënten"), count(t.Sessions, "gesprek", "gesprekken"), count(t.Values, "ingevuld veld", "ingevulde velden"),
		count(t.Agreements, "afspraak", "afspraken"), count(t.Cards, "vergeleken kaart", "vergeleken kaarten"))
	if t.ClientsBefore+t.SessionsBefore > 0 {
		fmt.Fprintf(stdout, "Al eerder overgezet, dus niet nog eens: %s en %s.\n",
			count(t.ClientsBefore, "cliënt", "cliënten"), count(t.SessionsBefore, "gesprek", "gesprekken"))
	}
	fmt.Fprintln(stdout, "Gecontroleerd: alles in de teamdatabase is gelijk aan het bestand op deze laptop.")
	laptop.Close()
	if after == "" {
		fmt.Fprintf(stdout, "Wat moet er met %s gebeuren? Typ 'bewaren' (als reservekopie) of 'wissen' (met de reservekopieën): ", from)
		answer, _ := bufio.NewReader(stdin).ReadString('\n')
		after = strings.TrimSpace(answer)
	}
	if after != "wissen" {
		fmt.Fprintf(stdout, "Het bestand blijft op deze laptop als reservekopie: %s. Open de app voortaan met de teamdatabase.\n", from)
		return 0
	}
	removed, err := storage.RemoveLaptopDatabase(from)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "Gewist van deze laptop: %d bestanden (de database en de reservekopieën).\n", len(removed))
	return 0
}

// count says n things in Dutch: "1 gesprek", "2 gesprekken".
func count(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, other)
}
