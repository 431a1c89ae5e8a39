package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"

	"github.com/samenbeslissen/samenbeslissen/storage"
)

// teamLockName is the lock, in the storage folder, that allows one window
// per laptop on a team database.
const teamLockName = "teamdatabase"

const teamUsage = `Gebruik:
  samenbeslissen team inrichten --db postgres://…
        maak of werk de teamdatabase bij: schema, rollen en toegangsregels
        (als databasebeheerder, met een login die rollen mag maken; kan vaker)
  samenbeslissen team medewerker --db postgres://… --naam LOGIN [--teamleider | --privacy]
        maak de eigen login van een medewerker (of geef een bestaande login die rol);
        --teamleider ziet alle cliënten en wie ze heeft, en kan ze overdragen;
        --privacy is de privacyfunctionaris, die alleen het logboek leest
  samenbeslissen team logboek --db postgres://… --client ID [--uit logboek.csv]
        wie deze cliënt opende, afdrukte, exporteerde, overdroeg of wiste, en wanneer
        (voor de privacyfunctionaris; zonder --uit op het scherm)
`

// runTeam runs the team database's commands for its administrator.
func runTeam(db string, args []string, stdout, stderr io.Writer) int {
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
	client := fs.Int64("client", 0, "")
	out := fs.String("uit", "", "")
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
		if *name == "" || (*lead && *privacy) {
			fmt.Fprint(stderr, teamUsage)
			return 2
		}
		kind, what := storage.LoginProfessional, "medewerker"
		switch {
		case *lead:
			kind, what = storage.LoginTeamLead, "medewerker en teamleider"
		case *privacy:
			kind, what = storage.LoginPrivacy, "privacyfunctionaris"
		}
		if err := storage.AddLogin(ctx, db, *name, kind); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "%s is %s in de teamdatabase.\n", *name, what)
		fmt.Fprintln(stdout, "De login heeft geen wachtwoord van de app: zet er een met psql (\\password), of laat de server aanmelden via de eigen aanmelding van de gemeente (pg_hba.conf).")
		return 0
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
