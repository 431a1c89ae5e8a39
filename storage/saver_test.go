package storage

import (
	"sync/atomic"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

func TestSaver_WritesNewestValue(t *testing.T) { eachEngine(t, testSaver_WritesNewestValue) }

func testSaver_WritesNewestValue(t *testing.T, d *DB) {
	c, _ := d.CreateClient("C", "")
	s, _ := d.CreateSession(c.ID)
	var saves atomic.Int32
	sv := NewSaver(d, func(pending bool, err error) {
		if err != nil {
			t.Error(err)
		}
		saves.Add(1)
	})
	text := ""
	for _, r := range "Ik wil graag in een keuken werken." {
		text += string(r)
		sv.Set(s.ID, cards.KeyGoal, text) // as typed, one character at a time
	}
	sv.Set(s.ID, cards.KeyNote(4), "Notitie")
	if err := sv.Flush(); err != nil {
		t.Fatal(err)
	}
	got, _ := d.Session(s.ID)
	if got.Goal != text || got.Notes[4] != "Notitie" {
		t.Errorf("goal %q, note %q", got.Goal, got.Notes[4])
	}
	if saves.Load() == 0 {
		t.Error("onSaved was never called")
	}
	if err := sv.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestSaver_KeepsEditsAfterAFailedWrite(t *testing.T) {
	eachEngine(t, testSaver_KeepsEditsAfterAFailedWrite)
}

func testSaver_KeepsEditsAfterAFailedWrite(t *testing.T, d *DB) {
	c, _ := d.CreateClient("C", "")
	s, _ := d.CreateSession(c.ID)
	sv := NewSaver(d, nil)
	defer sv.Close()

	sv.Set(s.ID, cards.KeyGoal, "Werk")
	sv.Set(s.ID, cards.KeyWhy, string(make([]byte, MaxValueLength+1))) // fails the whole write
	if err := sv.Flush(); err == nil {
		t.Fatal("a write over the limit did not fail")
	}
	sv.Set(s.ID, cards.KeyWhy, "Omdat het dichtbij is.")
	if err := sv.Flush(); err != nil {
		t.Fatal(err)
	}
	got, _ := d.Session(s.ID)
	if got.Goal != "Werk" || got.Why != "Omdat het dichtbij is." {
		t.Errorf("after retry: goal %q, why %q", got.Goal, got.Why)
	}
}
