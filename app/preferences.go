package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/samenbeslissen/samenbeslissen/storage"
)

// preferencesFileName is the file in the data folder that holds what Fyne
// and the app remember between runs, such as the file dialog's last folder.
// It has the format of Fyne's own preferences.json, and in the default data
// folder it is the very file Fyne would use.
const preferencesFileName = "preferences.json"

// preferencesSaveDelay gathers quick changes, such as a window being
// resized, into one write.
const preferencesSaveDelay = 300 * time.Millisecond

// dataFolder is a fyne.CloudProvider in name only: through Fyne's public
// cloud hooks it replaces the app's preferences, which Fyne keeps in its own
// folder for the app ID whatever --data says, by ones kept in the data
// folder. Storage is not replaced: neither the app nor Fyne writes there.
type dataFolder struct{ prefs *filePreferences }

var (
	_ fyne.CloudProvider            = dataFolder{}
	_ fyne.CloudProviderPreferences = dataFolder{}
)

func (dataFolder) ProviderName() string                         { return "samenbeslissen-data" }
func (dataFolder) ProviderDescription() string                  { return "De map met gegevens van Samen Beslissen" }
func (dataFolder) ProviderIcon() fyne.Resource                  { return nil }
func (dataFolder) Setup(fyne.App) error                         { return nil }
func (d dataFolder) Cleanup(fyne.App)                           { d.prefs.Flush() }
func (d dataFolder) CloudPreferences(fyne.App) fyne.Preferences { return d.prefs }

// filePreferences is fyne.Preferences kept in one JSON file, written
// atomically shortly after a change and on Flush, so that the file is never
// seen half written (Fyne's own truncates and rewrites it in place).
type filePreferences struct {
	path    string
	onError func(error) // a background save that failed

	mu        sync.Mutex
	values    map[string]any
	listeners []func()
	dirty     bool
	timer     *time.Timer

	writing sync.Mutex // one write at a time, in order
}

var _ fyne.Preferences = (*filePreferences)(nil)

// loadPreferences reads the preferences at path. A missing or empty file
// gives empty preferences; an unreadable one gives empty preferences and an
// error to report, and is replaced at the first change.
func loadPreferences(path string, onError func(error)) (*filePreferences, error) {
	p := &filePreferences{path: path, onError: onError, values: map[string]any{}}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("voorkeuren lezen: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return p, nil
	}
	var values map[string]any
	if err := json.Unmarshal(data, &values); err != nil {
		return p, fmt.Errorf("voorkeuren in %s lezen: %w", path, err)
	}
	for k, v := range values {
		if v != nil {
			p.values[k] = fromJSON(v)
		}
	}
	return p, nil
}

// fromJSON turns a decoded JSON list into the typed list Fyne stores.
func fromJSON(v any) any {
	items, ok := v.([]any)
	if !ok || len(items) == 0 {
		return v
	}
	switch items[0].(type) {
	case bool:
		return convertList[bool](items, v)
	case float64:
		return convertList[float64](items, v)
	case string:
		return convertList[string](items, v)
	}
	return v
}

func convertList[T any](items []any, orig any) any {
	out := make([]T, len(items))
	for i, item := range items {
		t, ok := item.(T)
		if !ok {
			return orig // mixed: no getter will return it
		}
		out[i] = t
	}
	return out
}

// Flush writes pending changes now; the app calls it before it exits.
func (p *filePreferences) Flush() error {
	p.mu.Lock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.mu.Unlock()
	return p.save()
}

func (p *filePreferences) save() error {
	p.writing.Lock()
	defer p.writing.Unlock()
	p.mu.Lock()
	if !p.dirty {
		p.mu.Unlock()
		return nil
	}
	data, err := json.Marshal(p.values)
	p.dirty = false
	p.mu.Unlock()
	if err == nil {
		err = storage.WriteFileAtomic(p.path, append(data, '\n'))
	}
	if err != nil {
		p.mu.Lock()
		p.dirty = true // the next change or Flush tries again
		p.mu.Unlock()
		return fmt.Errorf("voorkeuren opslaan: %w", err)
	}
	return nil
}

func (p *filePreferences) set(key string, value any) {
	p.mu.Lock()
	if old, ok := p.values[key]; ok && reflect.DeepEqual(old, value) {
		p.mu.Unlock()
		return
	}
	if value == nil {
		delete(p.values, key)
	} else {
		p.values[key] = value
	}
	p.dirty = true
	if p.timer == nil {
		p.timer = time.AfterFunc(preferencesSaveDelay, func() {
			p.mu.Lock()
			p.timer = nil
			p.mu.Unlock()
			if err := p.save(); err != nil && p.onError != nil {
				p.onError(err)
			}
		})
	}
	listeners := slices.Clone(p.listeners)
	p.mu.Unlock()
	for _, l := range listeners {
		l()
	}
}

func (p *filePreferences) get(key string) any {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.values[key]
}

func (p *filePreferences) RemoveValue(key string) {
	p.mu.Lock()
	_, ok := p.values[key]
	p.mu.Unlock()
	if ok {
		p.set(key, nil)
	}
}

func (p *filePreferences) AddChangeListener(l func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.listeners = append(p.listeners, l)
}

func (p *filePreferences) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.listeners)
}

func (p *filePreferences) Bool(key string) bool { return p.BoolWithFallback(key, false) }
func (p *filePreferences) BoolWithFallback(key string, fallback bool) bool {
	if v, ok := p.get(key).(bool); ok {
		return v
	}
	return fallback
}
func (p *filePreferences) SetBool(key string, value bool) { p.set(key, value) }

func (p *filePreferences) Float(key string) float64 { return p.FloatWithFallback(key, 0) }
func (p *filePreferences) FloatWithFallback(key string, fallback float64) float64 {
	switch v := p.get(key).(type) {
	case float64:
		return v
	case int:
		return float64(v)
	}
	return fallback
}
func (p *filePreferences) SetFloat(key string, value float64) { p.set(key, value) }

func (p *filePreferences) Int(key string) int { return p.IntWithFallback(key, 0) }
func (p *filePreferences) IntWithFallback(key string, fallback int) int {
	switch v := p.get(key).(type) {
	case int:
		return v
	case float64: // as read back from JSON
		return int(v)
	}
	return fallback
}
func (p *filePreferences) SetInt(key string, value int) { p.set(key, value) }

func (p *filePreferences) String(key string) string { return p.StringWithFallback(key, "") }
func (p *filePreferences) StringWithFallback(key, fallback string) string {
	if v, ok := p.get(key).(string); ok {
		return v
	}
	return fallback
}
func (p *filePreferences) SetString(key string, value string) { p.set(key, value) }

func (p *filePreferences) BoolList(key string) []bool { return p.BoolListWithFallback(key, []bool{}) }
func (p *filePreferences) BoolListWithFallback(key string, fallback []bool) []bool {
	switch v := p.get(key).(type) {
	case []bool:
		return slices.Clone(v)
	case []any:
		return []bool{} // an empty list read back from JSON
	}
	return fallback
}
func (p *filePreferences) SetBoolList(key string, value []bool) { p.set(key, listCopy(value)) }

func (p *filePreferences) FloatList(key string) []float64 {
	return p.FloatListWithFallback(key, []float64{})
}
func (p *filePreferences) FloatListWithFallback(key string, fallback []float64) []float64 {
	switch v := p.get(key).(type) {
	case []float64:
		return slices.Clone(v)
	case []int:
		out := make([]float64, len(v))
		for i, n := range v {
			out[i] = float64(n)
		}
		return out
	case []any:
		return []float64{}
	}
	return fallback
}
func (p *filePreferences) SetFloatList(key string, value []float64) {
	p.set(key, listCopy(value))
}

func (p *filePreferences) IntList(key string) []int { return p.IntListWithFallback(key, []int{}) }
func (p *filePreferences) IntListWithFallback(key string, fallback []int) []int {
	switch v := p.get(key).(type) {
	case []int:
		return slices.Clone(v)
	case []float64:
		out := make([]int, len(v))
		for i, f := range v {
			out[i] = int(f)
		}
		return out
	case []any:
		return []int{}
	}
	return fallback
}
func (p *filePreferences) SetIntList(key string, value []int) { p.set(key, listCopy(value)) }

func (p *filePreferences) StringList(key string) []string {
	return p.StringListWithFallback(key, []string{})
}
func (p *filePreferences) StringListWithFallback(key string, fallback []string) []string {
	switch v := p.get(key).(type) {
	case []string:
		return slices.Clone(v)
	case []any:
		return []string{}
	}
	return fallback
}
func (p *filePreferences) SetStringList(key string, value []string) {
	p.set(key, listCopy(value))
}

// listCopy copies a list to store, so that the caller may change its own;
// a nil list is stored as an empty one, which JSON keeps.
func listCopy[T any](l []T) []T { return append(make([]T, 0, len(l)), l...) }

// preferencesPath is where the app keeps its preferences: in the data
// folder, next to the default database.
func preferencesPath(dataDir string) string { return filepath.Join(dataDir, preferencesFileName) }
