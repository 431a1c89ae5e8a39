package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"

	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

// TestTeam_CommandLine: the administrator sets up a team database and
// makes a login; the professional's commands then work on it as on the
// laptop's file, and the self-test checks the connection.
func TestTeam_CommandLine(t *testing.T) {
	srv := pgtest.Shared(t)
	db := srv.NewDatabase(t)
	admin := srv.URL(db, "postgres")
	data := t.TempDir()

	code, out, errOut := runArgs("--data", data, "team", "inrichten", "--db", admin)
	if code != 0 || !strings.Contains(out, "ingericht: schema 0 → "+strconv.Itoa(storage.SchemaVersion())) {
		t.Fatalf("team inrichten: %d\n%s%s", code, out, errOut)
	}
	if code, out, _ = runArgs("team", "inrichten", "--db", admin); code != 0 || !strings.Contains(out, "was al bij") {
		t.Errorf("second run: %d %s", code, out)
	}
	if code, out, errOut = runArgs("team", "medewerker", "--db", admin, "--naam", "jdevries"); code != 0 || !strings.Contains(out, "jdevries is medewerker") {
		t.Fatalf("team medewerker: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut = runArgs("team", "medewerker", "--db", admin, "--naam", "Jan de Vries"); code != 1 || !strings.Contains(errOut, "kan geen login zijn") {
		t.Errorf("an odd login name: %d %s", code, errOut)
	}

	pro := srv.URL(db, "jdevries")
	code, out, errOut = runArgs("--data", data, "--db", pro, "voorbeeld")
	if code != 0 || !strings.Contains(out, "--db "+shellQuote(pro, "linux")) {
		t.Fatalf("voorbeeld: %d\n%s%s", code, out, errOut)
	}
	pdf := filepath.Join(data, "plan.pdf")
	if code, _, errOut = runArgs("--data", data, "--db", pro, "plan", "--sessie", "1", "--uit", pdf); code != 0 {
		t.Fatalf("plan: %s", errOut)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "Mijn plan") {
		t.Errorf("the plan from the team database: %v\n%s", err, text)
	}
	if code, out, errOut = runArgs("--data", data, "--db", pro, "zelftest"); !strings.Contains(out, "Teamdatabase") || !strings.Contains(out, "verbinding, login en schema zijn in orde") {
		t.Errorf("zelftest: %d\n%s%s", code, out, errOut)
	}
	// The administrator's own login bypasses the access rules: refused.
	if code, _, errOut = runArgs("--data", data, "--db", admin, "plan", "--sessie", "1", "--uit", pdf); code != 1 || !strings.Contains(errOut, "omzeilt de toegangsregels") {
		t.Errorf("plan as the superuser: %d %s", code, errOut)
	}
}

// newTeam sets up a team database with the command line, as its
// administrator would, with professionals of these logins and a privacy
// officer "pim"; it returns the URL for a login.
func newTeam(t *testing.T, logins ...string) func(login string) string {
	srv := pgtest.Shared(t)
	db := srv.NewDatabase(t)
	admin := srv.URL(db, "postgres")
	if code, _, errOut := runArgs("team", "inrichten", "--db", admin); code != 0 {
		t.Fatal(errOut)
	}
	for _, login := range logins {
		if code, _, errOut := runArgs("team", "medewerker", "--db", admin, "--naam", login); code != 0 {
			t.Fatal(errOut)
		}
	}
	if code, _, errOut := runArgs("team", "medewerker", "--db", admin, "--naam", "pim", "--privacy"); code != 0 {
		t.Fatal(errOut)
	}
	return func(login string) string { return srv.URL(db, login) }
}

// selectOption picks a choice in the drop-down on the canvas that has it.
func selectOption(t *testing.T, c fyne.Canvas, choice string) {
	t.Helper()
	for _, o := range objects(c) {
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, choice) {
			s.SetSelected(choice)
			return
		}
	}
	t.Fatalf("no drop-down with %q on screen: %s", choice, shown(c))
}

// confirm taps the button with exactly this text in the topmost dialog.
func confirm(t *testing.T, c fyne.Canvas, label string) {
	t.Helper()
	var last fyne.Tappable
	for _, o := range objects(c) {
		if b, ok := o.(fyne.Tappable); ok && buttonText(o) == label {
			last = b
		}
	}
	if last == nil {
		t.Fatalf("no button %q on screen: %s", label, shown(c))
	}
	test.Tap(last)
}

// TestWindow_HandOverAndDuo: bram hands his client over to anna with a
// note, from the client's page; he can no longer open the client, anna
// sees the history and the note, adds bram back as a colleague for a duo
// intake, and the report names both. The privacy officer's log has it all.
func TestWindow_HandOverAndDuo(t *testing.T) {
	url := newTeam(t, "bram", "anna")
	bram := openWindowOn(t, t.TempDir(), url("bram"), nil)
	db := bram.start.db
	c, err := db.CreateClient("Samira", "K-12")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := db.CreateSession(c.ID)
	db.SetValue(s.ID, cards.KeyGoal, "Werken in de zorg")

	bram.main.ShowClient(c.ID)
	canvas := bram.w.Canvas()
	if !strings.Contains(labels(canvas), "Jij hebt deze cliënt.") || !strings.Contains(labels(canvas), "Teamdatabase · bram") {
		t.Fatalf("the client's page does not say who holds the client, or the bar whose database it is:\n%s", labels(canvas))
	}
	tapButton(t, canvas, "Overdragen…")
	selectOption(t, canvas, "anna")
	for _, o := range objects(canvas) {
		if e, ok := asEntry(o); ok && e.MultiLine {
			e.SetText("Volgende afspraak op 8 december bij het werkgeverspunt.")
		}
	}
	if !strings.Contains(labels(canvas), "Daarna kun jij deze cliënt niet meer openen.") {
		t.Errorf("the dialog does not say what handing over means:\n%s", labels(canvas))
	}
	confirm(t, canvas, "Overdragen")
	if !strings.Contains(shown(canvas), "Samira is overgedragen aan anna.") {
		t.Errorf("no word that the client was handed over: %s", shown(canvas))
	}
	if _, err := db.Client(c.ID); err == nil {
		t.Error("bram still reaches the client after handing over")
	}

	anna := openWindowOn(t, t.TempDir(), url("anna"), nil)
	anna.main.ShowClient(c.ID)
	canvas = anna.w.Canvas()
	got := labels(canvas)
	for _, want := range []string{"Jij hebt deze cliënt.", "Overgedragen door bram aan anna op", "Notitie: Volgende afspraak op 8 december bij het werkgeverspunt.", "Werken in de zorg"} {
		if !strings.Contains(got, want) {
			t.Errorf("anna's page lacks %q:\n%s", want, got)
		}
	}
	tapButton(t, canvas, "Collega toevoegen…")
	selectOption(t, canvas, "bram")
	confirm(t, canvas, "Toevoegen")
	if !strings.Contains(labels(canvas), "Collega voor de duo-intake: bram") {
		t.Errorf("the colleague is not on the page:\n%s", labels(canvas))
	}
	if got, err := db.Session(s.ID); err != nil || got.Goal != "Werken in de zorg" {
		t.Errorf("bram as colleague opens the session: %+v, %v", got, err)
	}

	prn := printer{db: anna.start.db, cat: anna.start.cat, now: time.Now, files: anna.printsDir()}
	report, err := prn.PrintReport(s.ID, "nl")
	if err != nil {
		t.Fatal(err)
	}
	if _, text := pdfInfo(t, report); !strings.Contains(text, "Medewerkers") || !strings.Contains(text, "anna, bram") {
		t.Errorf("the report does not name both professionals:\n%s", text)
	}

	code, out, errOut := runArgs("team", "logboek", "--db", url("pim"), "--client", strconv.FormatInt(c.ID, 10))
	if code != 0 {
		t.Fatal(errOut)
	}
	for _, want := range []string{";bram;geopend;", ";bram;overgedragen;bram → anna;", ";anna;geopend;", ";anna;collega toegevoegd;bram;", ";anna;afgedrukt;verslag van gesprek"} {
		if !strings.Contains(out, want) {
			t.Errorf("the audit log lacks %q:\n%s", want, out)
		}
	}
}

// asEntry is o as a text field: Fyne's own, or one of the app's that
// embeds it (ui's textEntry, which passes Tab and shortcuts on).
func asEntry(o fyne.CanvasObject) (*widget.Entry, bool) {
	if e, ok := o.(*widget.Entry); ok {
		return e, true
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	f := v.Elem().FieldByName("Entry")
	if !f.IsValid() || f.Type() != reflect.TypeOf(widget.Entry{}) {
		return nil, false
	}
	return f.Addr().Interface().(*widget.Entry), true
}

// entryWithHint is the text field on the canvas with this placeholder.
func entryWithHint(t *testing.T, c fyne.Canvas, hint string) *widget.Entry {
	t.Helper()
	for _, o := range objects(c) {
		if e, ok := asEntry(o); ok && e.PlaceHolder == hint {
			return e
		}
	}
	t.Fatalf("no field %q on screen: %s", hint, shown(c))
	return nil
}

// TestWindow_Conflict: bram and anna, his colleague for a duo intake, have
// the same conversation open at the goal. Anna's goal is saved first;
// bram's later save does not overwrite it but shows both texts, and he
// keeps his. Anna's screen then shows his text, and the status line says
// who changed what.
func TestWindow_Conflict(t *testing.T) {
	url := newTeam(t, "bram", "anna")
	bram := openWindowOn(t, t.TempDir(), url("bram"), nil)
	db := bram.start.db
	c, _ := db.CreateClient("Duo", "")
	db.AddColleague(c.ID, "anna")
	s, _ := db.CreateSession(c.ID)
	db.SetValues(s.ID, map[string]string{cards.KeyStep: "4", cards.KeyGoal: "Werk zoeken"})
	anna := openWindowOn(t, t.TempDir(), url("anna"), nil)
	bram.main.OpenSession(s.ID)
	anna.main.OpenSession(s.ID)
	const hint = "Bijvoorbeeld: over een jaar werk ik 20 uur per week in de zorg."

	entryWithHint(t, anna.w.Canvas(), hint).SetText("Werk in de zorg, 20 uur")
	if err := anna.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	entryWithHint(t, bram.w.Canvas(), hint).SetText("Werk in de bouw")
	if err := bram.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	canvas := bram.w.Canvas()
	for _, want := range []string{"Twee versies van: Doel", "anna veranderde dit veld terwijl jij erin typte."} {
		if !strings.Contains(shown(canvas)+labels(canvas), want) {
			t.Errorf("bram's screen lacks %q: %s", want, shown(canvas))
		}
	}
	var texts []string
	for _, o := range objects(canvas) {
		if e, ok := asEntry(o); ok && e.Disabled() {
			texts = append(texts, e.Text)
		}
	}
	if !slices.Equal(texts, []string{"Werk in de bouw", "Werk in de zorg, 20 uur"}) {
		t.Errorf("the two versions side by side: %q", texts)
	}
	if got, _ := db.Session(s.ID); got.Goal != "Werk in de zorg, 20 uur" {
		t.Errorf("bram's save overwrote anna's goal: %q", got.Goal)
	}
	// Bram goes on typing before he chooses: that is his version, unsaved.
	entryWithHint(t, canvas, hint).SetText("Werk in de bouw, 32 uur")
	if err := bram.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Session(s.ID); got.Goal != "Werk in de zorg, 20 uur" {
		t.Errorf("typing on during the choice overwrote anna's goal: %q", got.Goal)
	}
	texts = texts[:0]
	for _, o := range objects(canvas) {
		if e, ok := asEntry(o); ok && e.Disabled() {
			texts = append(texts, e.Text)
		}
	}
	if !slices.Equal(texts, []string{"Werk in de bouw, 32 uur", "Werk in de zorg, 20 uur"}) {
		t.Errorf("the two versions after typing on: %q", texts)
	}
	confirm(t, canvas, "Mijn tekst houden")
	if err := bram.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Session(s.ID); got.Goal != "Werk in de bouw, 32 uur" {
		t.Errorf("the text bram kept: %q", got.Goal)
	}

	// Anna types a note; her save brings bram's goal to her screen.
	annaNote := anna.w.Canvas()
	for _, o := range objects(annaNote) {
		if e, ok := asEntry(o); ok && e.MultiLine && e.PlaceHolder != hint && e.Text == "" {
			e.SetText("Belt na het weekend.")
			break
		}
	}
	if err := anna.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := entryWithHint(t, annaNote, hint).Text; got != "Werk in de bouw, 32 uur" {
		t.Errorf("anna's goal field after bram's change: %q", got)
	}
	if !strings.Contains(labels(annaNote), "Alles is opgeslagen · bram veranderde ook: Doel") {
		t.Errorf("anna's status line:\n%s", labels(annaNote))
	}
}

// TestWindow_Offline: the server stops while a conversation is open. The
// professional goes on typing; the status line says the work is kept on
// this laptop, and the window closes without losing it. At the next start,
// with the server back, it arrives, and the outbox is empty.
func TestWindow_Offline(t *testing.T) {
	srv := pgtest.Start(t, pgtest.Options{})
	db := srv.NewDatabase(t)
	if code, _, errOut := runArgs("team", "inrichten", "--db", srv.URL(db, "postgres")); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runArgs("team", "medewerker", "--db", srv.URL(db, "postgres"), "--naam", "bram"); code != 0 {
		t.Fatal(errOut)
	}
	data := t.TempDir()
	url := srv.URL(db, "bram")
	wa := openWindowOn(t, data, url, nil)
	c, _ := wa.start.db.CreateClient("Zonder verbinding", "")
	s, _ := wa.start.db.CreateSession(c.ID)
	wa.start.db.SetValue(s.ID, cards.KeyStep, "4")
	wa.main.OpenSession(s.ID)
	const hint = "Bijvoorbeeld: over een jaar werk ik 20 uur per week in de zorg."
	goal := entryWithHint(t, wa.w.Canvas(), hint)

	if err := srv.Halt(); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Werk", "Werk in de", "Werk in de groenvoorziening"} {
		goal.SetText(text)
		wa.saver.Flush()
	}
	if !strings.Contains(labels(wa.w.Canvas()), "Geen verbinding: je werk wordt op deze laptop bewaard") {
		t.Errorf("the status line while the server is stopped:\n%s", labels(wa.w.Canvas()))
	}
	if err := wa.close(); err != nil {
		t.Errorf("closing while the server is stopped: %v", err)
	}

	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	again := openWindowOn(t, data, url, nil)
	if err := again.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := again.start.db.Session(s.ID)
	if err != nil || got.Goal != "Werk in de groenvoorziening" {
		t.Errorf("after the next start: %q, %v", got.Goal, err)
	}
	if n, _ := again.start.outbox.Len(); n != 0 {
		t.Errorf("the outbox still holds %d batches", n)
	}
}

// TestTeam_MoveToTeam: a professional moves the laptop's clients into the
// team database; a second run copies nothing twice; answering "wissen"
// then removes the laptop's file and its backups.
func TestTeam_MoveToTeam(t *testing.T) {
	url := newTeam(t, "kees")
	data := t.TempDir()
	if code, _, errOut := runArgs("--data", data, "voorbeeld"); code != 0 {
		t.Fatal(errOut)
	}
	laptop := filepath.Join(data, storage.DatabaseFileName)
	backups := storage.BackupsOf(laptop)
	if d, err := storage.Open(laptop); err == nil {
		backups.Make(d, time.Now())
		d.Close()
	}
	code, out, errOut := runArgs("--data", data, "team", "overzetten", "--db", url("kees"), "--daarna", "bewaren")
	if code != 0 || !strings.Contains(out, "op naam van kees: 1 cliënt en 1 gesprek") || !strings.Contains(out, "Gecontroleerd") {
		t.Fatalf("first run: %d\n%s%s", code, out, errOut)
	}
	old := stdin
	stdin = strings.NewReader("wissen\n")
	t.Cleanup(func() { stdin = old })
	code, out, errOut = runArgs("--data", data, "team", "overzetten", "--db", url("kees"))
	if code != 0 || !strings.Contains(out, "0 cliënten en 0 gesprekken") || !strings.Contains(out, "Al eerder overgezet, dus niet nog eens: 1 cliënt en 1 gesprek.") {
		t.Errorf("second run: %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Gewist van deze laptop") {
		t.Errorf("the answer wissen: %s", out)
	}
	if _, err := os.Stat(laptop); !os.IsNotExist(err) {
		t.Errorf("the laptop's database is still there: %v", err)
	}
	if left, _ := backups.List(); len(left) != 0 {
		t.Errorf("backups left: %v", left)
	}
	d, err := storage.Open(url("kees"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if cs, _ := d.ListClients(t.Context(), "", 10); len(cs) != 1 {
		t.Errorf("clients in the team database: %+v", cs)
	}
}

// TestWindow_TeamLead: a team lead sees a colleague's client and who holds
// it, but none of the conversations, and hands the client over.
func TestWindow_TeamLead(t *testing.T) {
	srv := pgtest.Shared(t)
	db := srv.NewDatabase(t)
	admin := srv.URL(db, "postgres")
	runArgs("team", "inrichten", "--db", admin)
	runArgs("team", "medewerker", "--db", admin, "--naam", "kees")
	runArgs("team", "medewerker", "--db", admin, "--naam", "lies")
	if code, _, errOut := runArgs("team", "medewerker", "--db", admin, "--naam", "lena", "--teamleider"); code != 0 {
		t.Fatal(errOut)
	}
	kees, err := storage.Open(srv.URL(db, "kees"))
	if err != nil {
		t.Fatal(err)
	}
	defer kees.Close()
	c, _ := kees.CreateClient("Fatima", "")
	s, _ := kees.CreateSession(c.ID)
	kees.SetValue(s.ID, cards.KeyGoal, "Een opleiding tot kok")

	lena := openWindowOn(t, t.TempDir(), srv.URL(db, "lena"), nil)
	lena.main.ShowClient(c.ID)
	canvas := lena.w.Canvas()
	got := labels(canvas)
	if !strings.Contains(got, "kees heeft deze cliënt.") || strings.Contains(got, "Een opleiding tot kok") || strings.Contains(shown(canvas), "Nieuw gesprek") {
		t.Errorf("the team lead's view of kees's client:\n%s", got)
	}
	tapButton(t, canvas, "Overdragen…")
	selectOption(t, canvas, "lies")
	confirm(t, canvas, "Overdragen")
	if h, _ := lena.start.db.Holders(c.ID); len(h) != 1 || h[0] != "lies" {
		t.Errorf("after the team lead's hand-over: %v", h)
	}
	if _, err := kees.Session(s.ID); err == nil {
		t.Error("kees still opens the conversation")
	}
}

// TestWindow_PrivacyOfficer: the privacy officer's login reads no client,
// so the window opens on the cards, without clients to list or figures to
// count, and without an error.
func TestWindow_PrivacyOfficer(t *testing.T) {
	url := newTeam(t, "bram")
	pim := openWindowOn(t, t.TempDir(), url("pim"), nil)
	c := pim.w.Canvas()
	var buttons []string
	for _, o := range objects(c) {
		if text := buttonText(o); text != "" {
			buttons = append(buttons, text)
		}
	}
	if !slices.Contains(buttons, "Kaarten") || slices.Contains(buttons, "Cliënten") || slices.Contains(buttons, "Cijfers") || slices.Contains(buttons, "Nieuwe cliënt") {
		t.Errorf("the buttons of pim's window: %q", buttons)
	}
	if got := shown(c); strings.Contains(got, "toegang") || strings.Contains(got, "Er ging iets mis") {
		t.Errorf("pim's window shows an error:\n%s", got)
	}
}
