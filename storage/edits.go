package storage

import (
	"fmt"
	"sort"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Saved is what a save of typed edits found.
type Saved struct {
	// Revision is the session's revision after the save: the one the next
	// edits are typed on.
	Revision int64
	// Theirs are fields someone else saved since the revision the edits
	// were typed on, which were not typed here: to show.
	Theirs []cards.Change
	// Conflicts are fields typed here that someone else changed to another
	// text meanwhile. They were not saved; the professional chooses.
	Conflicts []cards.Change
}

// SaveEdits stores edits typed on revision seen of a session, in one
// transaction. A field that another login saved after seen, with another
// text than the one typed here, is not overwritten but reported as a
// conflict; fields that others changed and were not typed here come back
// as Theirs. Edits to different fields merge. Which step is open is no
// conflict: the last to move wins. With seen < 0 nothing is checked.
func (d *DB) SaveEdits(sessionID, seen int64, values map[string]string) (Saved, error) {
	return d.saveEdits("", sessionID, seen, values)
}

// saveEdits is SaveEdits for a batch with an id from the outbox: a batch
// whose id the database already has was stored before, and is skipped.
func (d *DB) saveEdits(id string, sessionID, seen int64, values map[string]string) (Saved, error) {
	var saved Saved
	err := d.tx(func(tx conn) error {
		if id != "" {
			res, err := tx.Exec(`INSERT INTO applied_edits (id, session_id, applied_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
				id, sessionID, millis(time.Now()))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return nil // stored before
			}
		}
		rev, err := touch(tx, sessionID)
		if err != nil {
			return err
		}
		saved.Revision = rev
		others := map[string]cards.Change{}
		if seen >= 0 {
			rows, err := tx.Query(`SELECT key, value, changed_by FROM session_values WHERE session_id = ? AND revision > ? AND changed_by <> ?`,
				sessionID, seen, d.Login())
			if err != nil {
				return err
			}
			for rows.Next() {
				var c cards.Change
				if err := rows.Scan(&c.Key, &c.Value, &c.By); err != nil {
					rows.Close()
					return err
				}
				others[c.Key] = c
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		for k, v := range values {
			clean, err := checkText(v)
			if err != nil {
				return err
			}
			if o, ok := others[k]; ok && o.Value != clean && k != cards.KeyStep {
				o.Mine = clean
				saved.Conflicts = append(saved.Conflicts, o)
				delete(others, k)
				continue
			}
			delete(others, k)
			if err := d.setValue(tx, sessionID, rev, k, clean); err != nil {
				return err
			}
		}
		for _, o := range others {
			saved.Theirs = append(saved.Theirs, o)
		}
		return nil
	})
	if err != nil {
		return Saved{}, fmt.Errorf("opslaan: %w", err)
	}
	for _, cs := range [][]cards.Change{saved.Theirs, saved.Conflicts} {
		sort.Slice(cs, func(i, j int) bool { return cs[i].Key < cs[j].Key })
	}
	return saved, nil
}
