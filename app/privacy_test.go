package app

import (
	"bytes"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// openWindow starts the window app on a storage folder as runWindow does,
// in a test window.
func openWindow(t *testing.T, data string) *windowApp {
	t.Helper()
	return openWindowWith(t, data, nil)
}

// openWindowWith is openWindow with a municipality's settings file.
func openWindowWith(t *testing.T, data string, mun *municipal) *windowApp {
	t.Helper()
	return openWindowOn(t, data, filepath.Join(data, storage.DatabaseFileName), mun)
}

// openWindowOn is openWindowWith on a database of its own: a file, or a
// team database's URL.
func openWindowOn(t *testing.T, data, db string, mun *municipal) *windowApp {
	t.Helper()
	test.NewTempApp(t)
	wa := &windowApp{w: test.NewTempWindow(t, nil), store: newCatalogueStore(data),
		dbPath: db, lang: "nl", stderr: io.Discard, mun: mun}
	start, err := startWindow(wa.store, wa.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := wa.open(start, 0); err != nil {
		t.Fatal(err)
	}
	wa.w.Resize(fyne.NewSize(1000, 660))
	t.Cleanup(func() { wa.close() })
	return wa
}

// objects walks what the canvas draws, dialogs included.
func objects(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// tapButton taps the button whose text starts with label.
func tapButton(t *testing.T, c fyne.Canvas, label string) {
	t.Helper()
	for _, o := range objects(c) {
		if b, ok := o.(fyne.Tappable); ok {
			if text := buttonText(o); text != "" && strings.HasPrefix(text, label) {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no button %q on screen: %s", label, shown(c))
}

func buttonText(o fyne.CanvasObject) string {
	if a, ok := o.(fyne.Accessible); ok {
		if _, isButton := o.(interface{ Tapped(*fyne.PointEvent) }); isButton && a.AccessibilityRole() == fyne.AccessibleRoleButton {
			return a.AccessibilityLabel()
		}
	}
	if b, ok := o.(*widget.Button); ok {
		return b.Text
	}
	return ""
}

// shown is every text on the canvas, dialogs included.
func shown(c fyne.Canvas) string {
	var parts []string
	for _, o := range objects(c) {
		if t, ok := o.(*canvas.Text); ok {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

// TestWindow_EraseClient erases a client from their page, as the
// professional does: the client, their printed files and the text in the
// storage folder are gone; another client and their printout stay.
func TestWindow_EraseClient(t *testing.T) {
	data := t.TempDir()
	wa := openWindow(t, data)
	db := wa.start.db
	secret := "Uniek-9c41e2"
	c, _ := db.CreateClient("Erik "+secret, "")
	s, _ := db.CreateSession(c.ID)
	db.SetValue(s.ID, cards.KeyGoal, "Doel "+secret)
	other, _ := db.CreateClient("Blijft", "")
	os2, _ := db.CreateSession(other.ID)
	prn := printer{db: db, cat: wa.start.cat, now: time.Now, files: wa.printsDir()}
	mine, err := prn.PrintPlan(s.ID, "nl")
	if err != nil {
		t.Fatal(err)
	}
	theirs, _ := prn.PrintPlan(os2.ID, "nl")
	storage.BackupsOf(wa.dbPath).Make(db, time.Now())

	wa.main.ShowClient(c.ID)
	c2 := wa.w.Canvas()
	tapButton(t, c2, "Cliënt wissen")
	if !strings.Contains(shown(c2), "Erik "+secret+" wissen") {
		t.Fatalf("the confirmation does not name the client: %s", shown(c2))
	}
	tapButton(t, c2, "Wissen")
	if !strings.Contains(shown(c2), "is gewist") {
		t.Errorf("no word that the client is erased: %s", shown(c2))
	}
	if _, err := os.Stat(mine); !os.IsNotExist(err) {
		t.Errorf("the client's plan is still there: %v", err)
	}
	if _, err := os.Stat(theirs); err != nil {
		t.Errorf("another client's plan was removed: %v", err)
	}
	filepath.Walk(data, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if b, _ := os.ReadFile(path); bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s still holds the erased client's text", path)
			}
		}
		return nil
	})
}

// TestWindow_Retention lists on the home screen the clients past the
// retention period, for review, and erases none of them by itself.
func TestWindow_Retention(t *testing.T) {
	data := t.TempDir()
	path := filepath.Join(data, storage.DatabaseFileName)
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := db.CreateClient("Lang geleden", "")
	db.CreateClient("Pas nog", "")
	db.Close()
	// Three years ago, as if the app had been used since then.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE clients SET last_activity = ? WHERE id = ?`, time.Now().AddDate(-3, 0, 0).UnixMilli(), old.ID); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	wa := openWindow(t, data)
	c := wa.w.Canvas()
	if !strings.Contains(shown(c), "1 cliënt heeft al langer dan 24 maanden geen gesprek gehad.") {
		t.Fatalf("the home screen does not list the client past the retention period: %s", shown(c))
	}
	tapButton(t, c, "Bekijken")
	if text := shown(c); !strings.Contains(text, "Lang geleden") || strings.Contains(text, "Pas nog ·") {
		t.Errorf("the review lists: %s", text)
	}
	if got, err := wa.start.db.Client(old.ID); err != nil || got.Name != "Lang geleden" {
		t.Error("a client past the retention period was erased by itself")
	}
}

// TestRemovePrints: printed files older than their days go, newer stay;
// both are readable by this user only.
func TestRemovePrints(t *testing.T) {
	data := t.TempDir()
	wa := openWindow(t, data)
	c, _ := wa.start.db.CreateClient("Afdruk", "")
	s, _ := wa.start.db.CreateSession(c.ID)
	prn := printer{db: wa.start.db, cat: wa.start.cat, now: time.Now, files: wa.printsDir()}
	old, err := prn.PrintPlan(s.ID, "nl")
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := wa.start.db.CreateSession(c.ID)
	fresh, err := prn.PrintPlan(s2.ID, "nl")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{wa.printsDir(): 0o700, old: 0o600, fresh: 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), info.Mode().Perm(), want)
		}
	}
	tenDaysAgo := time.Now().AddDate(0, 0, -10)
	os.Chtimes(old, tenDaysAgo, tenDaysAgo)
	if n, err := removePrints(wa.printsDir(), time.Now().AddDate(0, 0, -7)); n != 1 || err != nil {
		t.Errorf("removed %d, %v; want the one of ten days ago", n, err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("the old plan is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("today's overview was removed")
	}
}

// TestStart_DamagedDatabase: each kind of unusable database at start gets
// a Dutch message; a damaged one is moved aside, never overwritten, and
// the latest backup is put back from the window.
func TestStart_DamagedDatabase(t *testing.T) {
	tests := []struct {
		name    string
		damage  func(t *testing.T, path string)
		recover bool
		message string
	}{
		{"truncated", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			os.WriteFile(path, b[:len(b)/2], 0o600)
		}, true, "de database is beschadigd"},
		{"random bytes", func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte{0x5a, 0x13, 0xc4}, 4000), 0o600)
		}, true, "geen database van Samen Beslissen"},
		{"newer schema", func(t *testing.T, path string) {
			db, _ := storage.Open(path)
			db.Close()
			raw, _ := os.ReadFile(path)
			raw[60], raw[61], raw[62], raw[63] = 0, 0, 0, 99 // user_version
			os.WriteFile(path, raw, 0o600)
		}, false, "Installeer de nieuwste versie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := t.TempDir()
			path := filepath.Join(data, storage.DatabaseFileName)
			db, err := storage.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := db.CreateClient("Van voor de schade", "")
			for i := range 200 { // enough pages that half a file is damaged, not empty
				s, _ := db.CreateSession(c.ID)
				db.SetValue(s.ID, cards.KeyNote(1), strings.Repeat("notitie ", 20+i%7))
			}
			if _, err := storage.BackupsOf(path).Make(db, time.Now()); err != nil {
				t.Fatal(err)
			}
			db.Close()
			os.Remove(path + "-wal")
			tt.damage(t, path)
			damaged, _ := os.ReadFile(path)

			test.NewTempApp(t)
			wa := &windowApp{w: test.NewTempWindow(t, nil), store: newCatalogueStore(data), dbPath: path, lang: "nl", stderr: io.Discard}
			_, err = startWindow(wa.store, path)
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("start: %v; want a message with %q", err, tt.message)
			}
			if got := wa.offerRecovery(err, 0); got != tt.recover {
				t.Fatalf("recovery offered: %v, want %v", got, tt.recover)
			}
			if !tt.recover {
				if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
					t.Error("the database was changed")
				}
				return
			}
			t.Cleanup(func() { wa.close() })
			c2 := wa.w.Canvas()
			if !strings.Contains(shown(c2), "De database kan niet worden geopend") {
				t.Fatalf("the window does not say what happened: %s", shown(c2))
			}
			tapButton(t, c2, "Reservekopie van")
			if wa.main == nil {
				t.Fatalf("the app did not start on the backup: %s", shown(c2))
			}
			if got, err := wa.start.db.Client(c.ID); err != nil || got.Name != "Van voor de schade" {
				t.Errorf("after the restore: %+v %v", got, err)
			}
			asides, _ := filepath.Glob(path + ".vervangen-*")
			if len(asides) != 1 {
				t.Fatalf("damaged file set aside as %v", asides)
			}
			if kept, _ := os.ReadFile(asides[0]); !bytes.Equal(kept, damaged) {
				t.Error("the damaged file was not kept as it was")
			}
		})
	}
}

// TestPrivacy_Restore: a backup put back from the menu replaces what came
// after it, keeps the replaced file aside, and the window goes on.
func TestPrivacy_Restore(t *testing.T) {
	data := t.TempDir()
	wa := openWindow(t, data)
	wa.busy.Wait() // the day's backup, made at opening, of an empty database
	p := privacy{wa: wa, db: wa.start.db}
	wa.start.db.CreateClient("In de reservekopie", "")
	if err := p.MakeBackup(); err != nil {
		t.Fatal(err)
	}
	wa.start.db.CreateClient("Daarna", "")
	backups, err := p.Backups()
	if err != nil || len(backups) == 0 {
		t.Fatalf("backups %v %v", backups, err)
	}
	aside, err := p.Restore(backups[0].Name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(data, aside)); err != nil {
		t.Errorf("the replaced file is not kept aside: %v", err)
	}
	cs, _ := wa.start.db.ClientsSince(time.Now().Add(time.Hour))
	if len(cs) != 1 || cs[0].Name != "In de reservekopie" {
		t.Errorf("after the restore the clients are %+v", cs)
	}
}
