package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompressStreams checks each kind of printable with qpdf: the
// structure and cross-references are sound and every stream decodes, and
// all but the metadata are compressed.
func TestCompressStreams(t *testing.T) {
	docs := map[string]func(*bytes.Buffer) error{
		"plan":     func(b *bytes.Buffer) error { return WritePlan(b, examplePlan(t, "ar")) },
		"deck":     func(b *bytes.Buffer) error { dk := exampleDeck(t, "nl", 12); dk.Bleed = Bleed; return WriteDeck(b, dk) },
		"one card": func(b *bytes.Buffer) error { return WriteDeck(b, exampleDeck(t, "ti", 1)) },
		"report":   func(b *bytes.Buffer) error { return WriteReport(b, exampleReport(t, "nl")) },
		"overview": func(b *bytes.Buffer) error {
			p := examplePlan(t, "nl")
			return WriteOverview(b, Overview{Options: p.Session.Options, Weighed: true, Client: "Samira", Context: p.Context})
		},
	}
	for name, write := range docs {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		os.WriteFile(path, buf.Bytes(), 0o600)
		out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
		}
		raw := buf.Bytes()
		streams := bytes.Count(raw, []byte("\nstream\n"))
		flate := bytes.Count(raw, []byte("/Filter /FlateDecode"))
		if flate < streams-1 { // all but the metadata, when there is any
			t.Errorf("%s: %d of %d streams compressed", name, flate, streams)
		}
	}
}

// TestCompressStreams_Refuses checks that what is not fpdf's output is
// refused rather than garbled.
func TestCompressStreams_Refuses(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.3\n", "%PDF-1.3\n1 0 obj\n<</Length 99>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n", "%PDF-1.3\n1 0 obj\n<<>>\n"} {
		if _, err := compressStreams([]byte(in)); err == nil {
			t.Errorf("compressStreams(%q) did not fail", in)
		}
	}
}

// TestCompressStreams_TitleLikeAStream gives a document a title whose
// UTF-16 form holds the bytes of "\nstream\n", as a client's name could.
func TestCompressStreams_TitleLikeAStream(t *testing.T) {
	r := exampleReport(t, "nl")
	r.Client.Name = "\u0A73\u7472\u6561\u6D0A" // UTF-16: 0A 73 74 72 65 61 6D 0A
	var buf bytes.Buffer
	if err := WriteReport(&buf, r); err != nil {
		t.Fatalf("a report for %q: %v", r.Client.Name, err)
	}
	if pages(t, buf.Bytes()) == 0 {
		t.Error("the report does not read back")
	}
}
