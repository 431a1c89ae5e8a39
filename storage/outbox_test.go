package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

// TestOutbox_ServerStopped: the server stops while a professional types.
// Every edit goes into the outbox on the laptop, and the saver says so;
// the laptop is then stopped without a word. At the next start, with the
// server back, the outbox is sent in order, every edit arrives exactly
// once, and the outbox is empty.
func TestOutbox_ServerStopped(t *testing.T) {
	srv := pgtest.Start(t, pgtest.Options{}) // a server of its own, to stop
	db := srv.NewDatabase(t)
	tt := teamTest{srv: srv, db: db}
	if _, err := SetUpTeam(context.Background(), tt.admin()); err != nil {
		t.Fatal(err)
	}
	login := tt.newLogin(t, LoginProfessional)
	d := tt.open(t, login)
	c, _ := d.CreateClient("Offline", "")
	s, _ := d.CreateSession(c.ID)
	outboxPath := filepath.Join(t.TempDir(), OutboxFileName)
	box, err := OpenOutbox(outboxPath)
	if err != nil {
		t.Fatal(err)
	}
	sv := NewSaver(d, nil)
	sv.UseOutbox(box)
	sv.Track(s.ID, s.Revision)
	sv.Set(s.ID, cards.KeyGoal, "Voor de storing")
	if err := sv.Flush(); err != nil {
		t.Fatal(err)
	}

	if err := srv.Halt(); err != nil {
		t.Fatal(err)
	}
	const typed = 12
	for i := 1; i <= typed; i++ {
		sv.Set(s.ID, cards.KeyNote(2), fmt.Sprintf("Notitie, versie %d", i))
		if i%3 == 0 {
			sv.Set(s.ID, cards.KeyWhy, fmt.Sprintf("Waarom %d", i))
		}
		if err := sv.Flush(); !errors.Is(err, ErrKeptOffline) {
			t.Fatalf("edit %d while the server is stopped: %v", i, err)
		}
	}
	if n, _ := box.Len(); n != typed {
		t.Errorf("the outbox holds %d batches, want %d", n, typed)
	}
	// The laptop stops: the saver cannot send, and nothing is lost.
	if err := sv.Close(); !errors.Is(err, ErrKeptOffline) {
		t.Errorf("closing while the server is stopped: %v", err)
	}
	box.Close()
	d.Close()

	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	d2 := tt.open(t, login)
	box2, err := OpenOutbox(outboxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer box2.Close()
	// A batch that reached the server just before the laptop stopped,
	// but was not yet removed from the outbox: sent again, stored once.
	first, _ := box2.first(login)
	if _, err := d2.saveEdits(first.id, first.sessionID, first.seen, first.values); err != nil {
		t.Fatal(err)
	}
	before, _ := d2.Session(s.ID)
	sv2 := NewSaver(d2, nil)
	sv2.UseOutbox(box2)
	if err := sv2.Flush(); err != nil {
		t.Fatal(err)
	}
	defer sv2.Close()
	if n, _ := box2.Len(); n != 0 {
		t.Errorf("the outbox still holds %d batches", n)
	}
	got, _ := d2.Session(s.ID)
	if got.Goal != "Voor de storing" || got.Notes[2] != fmt.Sprintf("Notitie, versie %d", typed) || got.Why != fmt.Sprintf("Waarom %d", typed) {
		t.Errorf("after sending: goal %q, note %q, why %q", got.Goal, got.Notes[2], got.Why)
	}
	var applied int
	d2.db().QueryRow(`SELECT count(*) FROM applied_edits`).Scan(&applied)
	if applied != typed || got.Revision != before.Revision+typed-1 {
		t.Errorf("%d batches stored and the revision went from %d to %d; want %d, each once", applied, before.Revision, got.Revision, typed)
	}
}
