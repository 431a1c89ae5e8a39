package storage

import (
	"errors"
	"testing"
)

// TestDB_SetClientLanguage: the client's language is kept with the client,
// read back with it and in the client list, and only a language the app
// can name is taken.
func TestDB_SetClientLanguage(t *testing.T) { eachEngine(t, testDB_SetClientLanguage) }

func testDB_SetClientLanguage(t *testing.T, d *DB) {
	c, err := d.CreateClient("Aïcha", "")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := d.CreateClient("Jan", "")
	if got, _ := d.Client(c.ID); got.Language != "" {
		t.Errorf("a new client's language: %q, want none chosen", got.Language)
	}
	if err := d.SetClientLanguage(c.ID, "ar"); err != nil {
		t.Fatal(err)
	}
	if got, err := d.Client(c.ID); err != nil || got.Language != "ar" {
		t.Errorf("Client: %q, %v; want ar", got.Language, err)
	}
	list, err := d.ListClients(t.Context(), "", 10)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[int64]string{}
	for _, l := range list {
		langs[l.ID] = l.Language
	}
	if langs[c.ID] != "ar" || langs[other.ID] != "" {
		t.Errorf("ListClients' languages: %v; want ar for Aïcha, none for Jan", langs)
	}

	for _, bad := range []string{"", "Arabisch", "ar;DROP", "xx-!!"} {
		if err := d.SetClientLanguage(c.ID, bad); err == nil {
			t.Errorf("SetClientLanguage(%q) was taken", bad)
		}
	}
	if got, _ := d.Client(c.ID); got.Language != "ar" {
		t.Errorf("after refused languages: %q, want ar still", got.Language)
	}
	if err := d.SetClientLanguage(c.ID+other.ID+1000, "fa"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown client: %v, want ErrNotFound", err)
	}
}

// TestDB_ClientLanguageAfterRestart: the language is in the file, not in
// the open connection.
func TestDB_ClientLanguageAfterRestart(t *testing.T) {
	d := openTest(t)
	c, _ := d.CreateClient("Aïcha", "")
	if err := d.SetClientLanguage(c.ID, "ti"); err != nil {
		t.Fatal(err)
	}
	path := d.Path()
	d.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got, err := again.Client(c.ID); err != nil || got.Language != "ti" {
		t.Errorf("after reopening: %q, %v; want ti", got.Language, err)
	}
}
