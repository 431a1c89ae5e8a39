package storage

import (
	"reflect"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestSaveEdits_Conflict: bram holds a client, anna is his colleague for a
// duo intake, and both have the same session open. They change the same
// field: the later save does not overwrite, but reports both texts;
// changes to different fields merge, and each sees who changed what.
func TestSaveEdits_Conflict(t *testing.T) {
	tt := openTeamTest(t)
	bramLogin, annaLogin := tt.newLogin(t, LoginProfessional), tt.newLogin(t, LoginProfessional)
	bram, anna := tt.open(t, bramLogin), tt.open(t, annaLogin)
	c, _ := bram.CreateClient("Duo", "")
	if err := bram.AddColleague(c.ID, annaLogin); err != nil {
		t.Fatal(err)
	}
	s, _ := bram.CreateSession(c.ID)
	bram.SetValue(s.ID, cards.KeyGoal, "Eerste doel")
	open, err := bram.Session(s.ID) // both open it now
	if err != nil {
		t.Fatal(err)
	}
	seenBram, seenAnna := open.Revision, open.Revision

	a, err := anna.SaveEdits(s.ID, seenAnna, map[string]string{cards.KeyGoal: "Doel van Anna"})
	if err != nil || len(a.Conflicts)+len(a.Theirs) != 0 {
		t.Fatalf("anna's save: %+v, %v", a, err)
	}
	seenAnna = a.Revision
	b, err := bram.SaveEdits(s.ID, seenBram, map[string]string{cards.KeyGoal: "Doel van Bram", cards.KeyWhy: "Omdat het dichtbij is."})
	if err != nil {
		t.Fatal(err)
	}
	want := []cards.Change{{Key: cards.KeyGoal, Value: "Doel van Anna", By: annaLogin, Mine: "Doel van Bram"}}
	if !reflect.DeepEqual(b.Conflicts, want) || len(b.Theirs) != 0 {
		t.Errorf("bram's save: conflicts %+v, theirs %+v; want conflicts %+v", b.Conflicts, b.Theirs, want)
	}
	got, _ := anna.Session(s.ID)
	if got.Goal != "Doel van Anna" || got.Why != "Omdat het dichtbij is." {
		t.Errorf("after bram's save: goal %q, why %q", got.Goal, got.Why)
	}
	seenBram = b.Revision

	// Bram keeps his own text: now it is saved, for he has seen Anna's.
	b, err = bram.SaveEdits(s.ID, seenBram, map[string]string{cards.KeyGoal: "Doel van Bram"})
	if err != nil || len(b.Conflicts) != 0 {
		t.Fatalf("bram keeps his text: %+v, %v", b, err)
	}
	// Anna, typing elsewhere, learns what bram changed.
	a, err = anna.SaveEdits(s.ID, seenAnna, map[string]string{cards.KeyNote(4): "Notitie van Anna"})
	if err != nil {
		t.Fatal(err)
	}
	wantTheirs := []cards.Change{{Key: cards.KeyGoal, Value: "Doel van Bram", By: bramLogin}, {Key: cards.KeyWhy, Value: "Omdat het dichtbij is.", By: bramLogin}}
	if !reflect.DeepEqual(a.Theirs, wantTheirs) || len(a.Conflicts) != 0 {
		t.Errorf("anna's next save: theirs %+v, conflicts %+v; want theirs %+v", a.Theirs, a.Conflicts, wantTheirs)
	}
	// Clearing a field is a change too.
	if _, err := bram.SaveEdits(s.ID, b.Revision, map[string]string{cards.KeyWhy: ""}); err != nil {
		t.Fatal(err)
	}
	a, _ = anna.SaveEdits(s.ID, a.Revision, map[string]string{cards.KeyWhy: "Anna's waarom"})
	if len(a.Conflicts) != 1 || a.Conflicts[0].Value != "" || a.Conflicts[0].Mine != "Anna's waarom" {
		t.Errorf("a cleared field typed over: %+v", a)
	}
}

// TestSaveEdits_OneWriter: on either engine, one professional's saves never
// conflict with themselves, and the revision counts up.
func TestSaveEdits_OneWriter(t *testing.T) { eachEngine(t, testSaveEdits_OneWriter) }

func testSaveEdits_OneWriter(t *testing.T, d *DB) {
	c, _ := d.CreateClient("Alleen", "")
	s, _ := d.CreateSession(c.ID)
	seen := s.Revision
	for i, text := range []string{"een", "twee", "", "drie"} {
		saved, err := d.SaveEdits(s.ID, seen, map[string]string{cards.KeyGoal: text, cards.KeyStep: "4"})
		if err != nil || len(saved.Conflicts)+len(saved.Theirs) != 0 || saved.Revision <= seen {
			t.Fatalf("save %d: %+v, %v (seen %d)", i, saved, err, seen)
		}
		seen = saved.Revision
	}
	// Another path that writes (a card added) does not make the next save
	// see a change of its own as someone else's.
	d.AddOption(s.ID, testCard("kaart-a"))
	if saved, err := d.SaveEdits(s.ID, seen, map[string]string{cards.KeyGoal: "vier"}); err != nil || len(saved.Conflicts)+len(saved.Theirs) != 0 {
		t.Errorf("after adding a card: %+v, %v", saved, err)
	}
	if got, _ := d.Session(s.ID); got.Goal != "vier" || got.Step != 4 {
		t.Errorf("read back: goal %q, step %d", got.Goal, got.Step)
	}
}

// TestSaver_HoldsAFieldInConflict: once a save found a conflict on a
// field, what is typed in it is not saved until the professional chose.
func TestSaver_HoldsAFieldInConflict(t *testing.T) {
	tt := openTeamTest(t)
	bramLogin, annaLogin := tt.newLogin(t, LoginProfessional), tt.newLogin(t, LoginProfessional)
	bram, anna := tt.open(t, bramLogin), tt.open(t, annaLogin)
	c, _ := bram.CreateClient("Vast", "")
	bram.AddColleague(c.ID, annaLogin)
	s, _ := bram.CreateSession(c.ID)
	sv := NewSaver(bram, nil)
	defer sv.Close()
	var conflicts []cards.Change
	sv.OnChanged(func(_ int64, _, cs []cards.Change) { conflicts = append(conflicts, cs...) })
	sv.Track(s.ID, s.Revision)
	if _, err := anna.SaveEdits(s.ID, s.Revision, map[string]string{cards.KeyGoal: "Van Anna"}); err != nil {
		t.Fatal(err)
	}
	sv.Set(s.ID, cards.KeyGoal, "Van Bram")
	sv.Flush()
	if len(conflicts) != 1 || conflicts[0].Mine != "Van Bram" {
		t.Fatalf("conflicts: %+v", conflicts)
	}
	sv.Set(s.ID, cards.KeyGoal, "Van Bram, verder getypt")
	sv.Flush()
	if got, _ := bram.Session(s.ID); got.Goal != "Van Anna" {
		t.Errorf("typing on in a field in conflict was saved: %q", got.Goal)
	}
	sv.Release(s.ID, cards.KeyGoal)
	sv.Set(s.ID, cards.KeyGoal, "Van Bram, verder getypt")
	if err := sv.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, _ := bram.Session(s.ID); got.Goal != "Van Bram, verder getypt" {
		t.Errorf("after choosing: %q", got.Goal)
	}
}
