package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/storage"
)

// laptopSettings are the professional's settings in the database, with
// what a municipality's settings file would fix.
type laptopSettings struct {
	*storage.DB
	fixed string
}

func (s laptopSettings) FixedByIT() string { return s.fixed }

// TestMain_SettingsShowWhatITFixed shows what the settings file fixes, as
// text, not as fields.
func TestMain_SettingsShowWhatITFixed(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	m.SetSettings(laptopSettings{DB: db, fixed: "gemeente: Gemeente Voorbeeld\n(in C:\\ProgramData\\SamenBeslissen\\gemeente.toml)"})
	m.editSettings()
	if got := overlayText(w.Canvas()); !strings.Contains(got, "Vastgelegd door de ICT-afdeling") || !strings.Contains(got, "gemeente: Gemeente Voorbeeld") {
		t.Errorf("the dialog does not show what IT fixed: %q", got)
	}
	if n := len(find(w.Canvas(), func(e *dialogEntry) bool { return true })); n != 3 {
		t.Errorf("%d fields, want name, phone and PIN only", n)
	}
}

// TestMain_Settings sets the professional's name and phone and a PIN in
// the settings dialog, as the professional does, and reads them back.
func TestMain_Settings(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	m.SetSettings(laptopSettings{DB: db})
	c := w.Canvas()
	m.editSettings()
	fields := find(c, func(e *dialogEntry) bool { return !e.Password })
	if len(fields) != 2 {
		t.Fatalf("%d text fields, want name and phone", len(fields))
	}
	test.Type(fields[0], "Jan de Vries")
	test.Type(fields[1], "06 1234 5678")
	for _, r := range find(c, func(*widget.RadioGroup) bool { return true }) {
		r.SetSelected("Pincode vragen")
	}
	test.Type(dialogField(t, c, "4 tot 8 cijfers"), "48")
	pressKey(c, fyne.KeyReturn)
	if on, _ := db.HasBackPIN(); on || !strings.Contains(overlayText(c), "Een pincode is 4 tot 8 cijfers") {
		t.Fatalf("a PIN of two digits: set %v, %q", on, overlayText(c))
	}
	pressKey(c, fyne.KeyEscape)
	if name, phone, _ := db.Professional(); name != "Jan de Vries" || phone != "06 1234 5678" {
		t.Errorf("saved %q, %q", name, phone)
	}
	m.editSettings()
	if got := find(c, func(e *dialogEntry) bool { return !e.Password }); len(got) != 2 || got[0].Text != "Jan de Vries" {
		t.Fatal("the dialog does not show the saved name")
	}
	for _, r := range find(c, func(*widget.RadioGroup) bool { return true }) {
		r.SetSelected("Pincode vragen")
	}
	test.Type(dialogField(t, c, "4 tot 8 cijfers"), "4826")
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatalf("the dialog stays open: %q", overlayText(c))
	}
	if ok, _ := db.CheckBackPIN("4826"); !ok {
		t.Error("the PIN is not set")
	}
}

// TestMain_LeaveClientViewWithPIN leaves the client view as the
// professional does (the gear held, or Ctrl+Shift+B): at once without a
// PIN; with one, only after typing it, and a wrong one keeps the client
// view.
func TestMain_LeaveClientViewWithPIN(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	m.SetSettings(laptopSettings{DB: db})
	id, _ := privateSession(t, db, m)
	m.OpenSession(id)
	c := w.Canvas()
	m.showClientView(m.Session())
	m.leaveClientView()
	if m.ClientView() != nil {
		t.Fatal("without a PIN the client view does not close")
	}
	if err := db.SetBackPIN("4826"); err != nil {
		t.Fatal(err)
	}
	m.showClientView(m.Session())
	m.leaveClientView()
	if m.ClientView() == nil {
		t.Fatal("the client view closed without the PIN")
	}
	test.Type(dialogField(t, c, "4 tot 8 cijfers"), "1111")
	pressKey(c, fyne.KeyReturn)
	if m.ClientView() == nil || !strings.Contains(overlayText(c), "Die pincode klopt niet") {
		t.Fatalf("a wrong PIN: client view %v, %q", m.ClientView() != nil, overlayText(c))
	}
	pressKey(c, fyne.KeyEscape)
	m.leaveClientView()
	test.Type(dialogField(t, c, "4 tot 8 cijfers"), "4826")
	pressKey(c, fyne.KeyReturn)
	if m.ClientView() != nil {
		t.Error("the right PIN does not close the client view")
	}
}

// TestMain_SettingsSayNoOneToCall opens the settings as the professional
// does: with no name and no phone set, the dialog says that the client's
// plan has no one to call; with either set, it does not.
func TestMain_SettingsSayNoOneToCall(t *testing.T) {
	const hint = "op het plan staat nu geen naam en geen telefoonnummer"
	for _, tt := range []struct {
		name, phone string
		hint        bool
	}{{"", "", true}, {"", "06 1234 5678", false}, {"Jan de Vries", "", false}} {
		m, w, _, db := newTestMainDB(t, "")
		if err := db.SetProfessional(tt.name, tt.phone); err != nil {
			t.Fatal(err)
		}
		m.SetSettings(laptopSettings{DB: db})
		m.editSettings()
		if got := overlayText(w.Canvas()); strings.Contains(got, hint) != tt.hint {
			t.Errorf("name %q, phone %q: hint shown %v, want %v: %q", tt.name, tt.phone, !tt.hint, tt.hint, got)
		}
	}
}
