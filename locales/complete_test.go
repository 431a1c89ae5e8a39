package locales

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// messageFile reads a message file: plain messages as strings, plural
// ones as their forms.
func messageFile(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := toml.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// cldrForms are the plural forms a language needs, by CLDR's rules.
func cldrForms(lang language.Tag) []string {
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	var out []string
	for n := range 1000 {
		if f := names[plural.Cardinal.MatchPlural(lang, n, 0, 0, 0, 0)]; !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// TestMessageFiles_PluralForms: every plural message has exactly the
// forms CLDR gives its language (Arabic six, Polish four, Turkish two).
func TestMessageFiles_PluralForms(t *testing.T) {
	names, _ := fs.Glob(files, "*.toml")
	for _, n := range names {
		lang := language.Make(strings.TrimSuffix(n, ".toml"))
		want := cldrForms(lang)
		for id, v := range messageFile(t, n) {
			forms, ok := v.(map[string]any)
			if !ok {
				continue
			}
			var got []string
			for f := range forms {
				if f != "description" {
					got = append(got, f)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s %q has the forms %v; %s needs %v", n, id, got, lang, want)
			}
		}
	}
}

// usedLiterals returns every string literal in the project's Go code
// outside tests.
func usedLiterals(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	fset := token.NewFileSet()
	filepath.WalkDir("..", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == "testdata" || strings.HasPrefix(e.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out[s] = true
				}
			}
			return true
		})
		return nil
	})
	return out
}

// TestMessageFiles_AllUsed: every message is used by the code, by its ID
// or by a prefix the code completes ("step." with the step's number).
func TestMessageFiles_AllUsed(t *testing.T) {
	used := usedLiterals(t)
	for id := range messageFile(t, "nl.toml") {
		if used[id] {
			continue
		}
		found := false
		for i := strings.LastIndex(id, "."); i > 0 && !found; i = strings.LastIndex(id[:i], ".") {
			found = used[id[:i+1]]
		}
		if !found {
			t.Errorf("nl.toml has %q, which no code uses", id)
		}
	}
}

var placeholder = regexp.MustCompile(`{{\.[A-Za-z]+}}`)

// TestMessageFiles_SamePlaceholders: a translation has exactly the
// template fields of the Dutch, no more (a misspelt field prints nothing).
func TestMessageFiles_SamePlaceholders(t *testing.T) {
	nl := messageFile(t, "nl.toml")
	fieldsOf := func(v any) []string {
		var all []string
		switch x := v.(type) {
		case string:
			all = placeholder.FindAllString(x, -1)
		case map[string]any:
			for _, f := range x {
				if s, ok := f.(string); ok {
					all = append(all, placeholder.FindAllString(s, -1)...)
				}
			}
		}
		slices.Sort(all)
		return slices.Compact(all)
	}
	names, _ := fs.Glob(files, "*.toml")
	for _, n := range names {
		for id, v := range messageFile(t, n) {
			src, ok := nl[id]
			if !ok {
				continue
			}
			if got, want := fieldsOf(v), fieldsOf(src); !slices.Equal(got, want) {
				t.Errorf("%s %q has the fields %v; the Dutch has %v", n, id, got, want)
			}
		}
	}
}
