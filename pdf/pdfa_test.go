package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// No PDF/A validator can be installed from the registries this project
// reaches (veraPDF is on neither Debian nor npm), so these tests check the
// rules of PDF/A-2b that qpdf, pdfinfo, pdffonts and a read-back of the
// XMP and the colour profile can: sound structure, an ID, every font
// embedded, an sRGB output intent whose profile converts colours as sRGB
// does, uncompressed XMP metadata that names part 2 and conformance B and
// says what the document information says.

// TestWrite_PDFA checks the plan (Dutch and Arabic) and the report.
func TestWrite_PDFA(t *testing.T) {
	docs := map[string]func(*bytes.Buffer) error{
		"plan nl":   func(b *bytes.Buffer) error { return WritePlan(b, examplePlan(t, "nl")) },
		"plan ar":   func(b *bytes.Buffer) error { return WritePlan(b, examplePlan(t, "ar")) },
		"report nl": func(b *bytes.Buffer) error { return WriteReport(b, exampleReport(t, "nl")) },
	}
	for name, write := range docs {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		os.WriteFile(path, buf.Bytes(), 0o600)
		run := func(cmd string, args ...string) string {
			out, err := exec.Command(cmd, append(args, path)...).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %s: %v\n%s", name, cmd, err, out)
			}
			return string(out)
		}
		if out := run("qpdf", "--check"); strings.Contains(out, "WARNING") || !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
		raw := buf.Bytes()
		if !regexp.MustCompile(`trailer\n<<[^>]*/ID \[<[0-9a-f]{32}><[0-9a-f]{32}>\]`).Match(raw) {
			t.Errorf("%s: no file identifier in the trailer", name)
		}
		if !bytes.Contains(raw, []byte("/Type /OutputIntent /S /GTS_PDFA1")) {
			t.Errorf("%s: no PDF/A output intent", name)
		}
		if !bytes.Contains(raw, []byte("<< /Type /Metadata /Subtype /XML /Length")) {
			t.Errorf("%s: the metadata stream is compressed or missing", name)
		}
		for _, l := range strings.Split(run("pdffonts"), "\n")[2:] {
			if f := strings.Fields(l); len(f) > 6 && f[len(f)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", name, l)
			}
		}
		checkXMP(t, name, run("pdfinfo"), run("pdfinfo", "-meta"))
		checkProfile(t, name, path, raw)
	}
}

// checkXMP compares the XMP packet with the document information.
func checkXMP(t *testing.T, name, info, meta string) {
	t.Helper()
	var x struct {
		Description struct {
			Part        string   `xml:"part"`
			Conformance string   `xml:"conformance"`
			Title       []string `xml:"title>Alt>li"`
			Creator     []string `xml:"creator>Seq>li"`
			Subject     []string `xml:"description>Alt>li"`
			Producer    string   `xml:"Producer"`
			Created     string   `xml:"CreateDate"`
		} `xml:"RDF>Description"`
	}
	start := strings.Index(meta, "<x:xmpmeta")
	if start < 0 {
		t.Fatalf("%s: no XMP packet: %q", name, meta)
	}
	if err := xml.Unmarshal([]byte(meta[start:strings.Index(meta, "</x:xmpmeta>")+len("</x:xmpmeta>")]), &x); err != nil {
		t.Fatalf("%s: XMP: %v", name, err)
	}
	d := x.Description
	if d.Part != "2" || d.Conformance != "B" {
		t.Errorf("%s: XMP says PDF/A part %q conformance %q", name, d.Part, d.Conformance)
	}
	field := func(key string) string {
		m := regexp.MustCompile(`(?m)^` + key + `:\s+(.*)$`).FindStringSubmatch(info)
		if m == nil {
			return ""
		}
		return m[1]
	}
	one := func(l []string) string {
		if len(l) != 1 {
			return fmt.Sprint(l)
		}
		return l[0]
	}
	for _, c := range []struct{ key, xmp string }{
		{"Title", one(d.Title)}, {"Author", one(d.Creator)}, {"Subject", one(d.Subject)}, {"Producer", d.Producer},
	} {
		if got := field(c.key); got != c.xmp {
			t.Errorf("%s: %s is %q in the document information and %q in the XMP", name, c.key, got, c.xmp)
		}
	}
	if d.Created != "2026-11-23T10:00:00" || !strings.Contains(field("CreationDate"), "Nov 23 10:00:00 2026") {
		t.Errorf("%s: created %q in the XMP, %q in the document information", name, d.Created, field("CreationDate"))
	}
}

// checkProfile takes the output intent's colour profile out of the PDF and
// converts colours with it (LittleCMS's transicc), beside LittleCMS's own
// sRGB: they must agree within a tenth of a unit of L*a*b*.
func checkProfile(t *testing.T, name, path string, raw []byte) {
	t.Helper()
	m := regexp.MustCompile(`/DestOutputProfile (\d+) 0 R`).FindSubmatch(raw)
	if m == nil {
		t.Fatalf("%s: no output profile", name)
	}
	icc, err := exec.Command("qpdf", "--show-object="+string(m[1]), "--filtered-stream-data", path).Output()
	if err != nil {
		t.Fatalf("%s: qpdf: %v", name, err)
	}
	profile := filepath.Join(t.TempDir(), "srgb.icc")
	os.WriteFile(profile, icc, 0o600)
	colours := "255 0 0\n0 255 0\n0 0 255\n255 255 255\n128 128 128\n30 122 70\n168 58 30\n"
	lab := func(in string) [][3]float64 {
		cmd := exec.Command("transicc", "-i", in, "-o", "*Lab", "-n")
		cmd.Stdin = strings.NewReader(colours)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: transicc -i %s: %v", name, in, err)
		}
		var l [][3]float64
		for _, line := range strings.Split(string(out), "\n") {
			var v [3]float64
			if n, _ := fmt.Sscan(line, &v[0], &v[1], &v[2]); n == 3 {
				l = append(l, v)
			}
		}
		return l
	}
	ours, theirs := lab(profile), lab("*sRGB")
	if len(ours) != 7 || len(theirs) != 7 {
		t.Fatalf("%s: transicc gave %v and %v", name, ours, theirs)
	}
	for i := range ours {
		if d := math.Hypot(math.Hypot(ours[i][0]-theirs[i][0], ours[i][1]-theirs[i][1]), ours[i][2]-theirs[i][2]); d > 0.1 {
			t.Errorf("%s: colour %d is %v through our profile, %v through sRGB", name, i, ours[i], theirs[i])
		}
	}
}

// TestWrite_MunicipalColour prints a plan and a shared-back deck with the
// municipality's colour, and finds it on the page; without it, not.
func TestWrite_MunicipalColour(t *testing.T) {
	purple := cards.RGB{0x7A, 0x1F, 0x5F}
	for _, set := range []bool{false, true} {
		p := examplePlan(t, "nl")
		dk := exampleDeck(t, "nl", 4)
		dk.Back = BackShared
		if set {
			p.Org.Colour, dk.Org.Colour = &purple, &purple
		}
		var plan, deck bytes.Buffer
		if err := WritePlan(&plan, p); err != nil {
			t.Fatal(err)
		}
		if err := WriteDeck(&deck, dk); err != nil {
			t.Fatal(err)
		}
		for what, n := range map[string]int{"plan": countColour(renderPage(t, plan.Bytes(), 1), purple), "deck backs": countColour(renderPage(t, deck.Bytes(), 2), purple)} {
			if set && n < 100 || !set && n > 0 {
				t.Errorf("colour set %v: %d pixels of it on the %s", set, n, what)
			}
		}
	}
}
