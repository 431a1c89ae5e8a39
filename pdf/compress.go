package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"regexp"
	"strconv"
)

// fpdf compresses each stream with a zlib writer of its own, and setting up
// one costs more than compressing a card: in a 200-card deck that is most
// of the time. So fpdf writes the document uncompressed and compressStreams
// compresses it afterwards with one writer, as fpdf would have: each
// uncompressed stream deflated, at the same level, the cross-reference
// table written anew. The metadata stream stays readable, as PDF/A asks.
// (md5 names the file, as PDF's own identifiers do; it guards nothing.)

var (
	objHeader    = regexp.MustCompile(`^(\d+) 0 obj\n`)
	firstObject  = regexp.MustCompile(`\n\d+ 0 obj\n`)
	streamLength = regexp.MustCompile(`/Length (\d+)`)
	xrefSize     = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	infoRef      = regexp.MustCompile(`/Info \d+ 0 R`)
)

// compressStreams rewrites a PDF that fpdf wrote without compression.
func compressStreams(in []byte) ([]byte, error) {
	head := firstObject.FindIndex(in[:min(len(in), 64)]) // after the two header lines
	if head == nil {
		return nil, fmt.Errorf("pdf comprimeren: geen objecten")
	}
	first := head[0]
	out := bytes.NewBuffer(make([]byte, 0, len(in)/2))
	out.Write(in[:first+1])
	offsets := map[int]int{}
	info := 0 // the document information
	var deflated bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&deflated, zlib.BestSpeed)
	i := first + 1
	for i < len(in) && !bytes.HasPrefix(in[i:], []byte("xref\n")) {
		m := objHeader.FindSubmatch(in[i:])
		if m == nil {
			return nil, fmt.Errorf("pdf comprimeren: geen object op %d", i)
		}
		n, _ := strconv.Atoi(string(m[1]))
		offsets[n] = out.Len()
		end := bytes.Index(in[i:], []byte("\nendobj\n"))
		stream := bytes.Index(in[i:], []byte("\nstream\n"))
		if end < 0 {
			return nil, fmt.Errorf("pdf comprimeren: object %d houdt niet op", n)
		}
		// A stream's dictionary ends just before the keyword; elsewhere
		// the bytes could only be in a string, such as a UTF-16 title.
		if stream < 0 || stream > end || !bytes.HasSuffix(in[i:i+stream], []byte(">>")) {
			if bytes.Contains(in[i:i+end], []byte("\n/CreationDate ")) {
				info = n
			}
			out.Write(in[i : i+end+len("\nendobj\n")])
			i += end + len("\nendobj\n")
			continue
		}
		dict := in[i : i+stream]
		lm := streamLength.FindSubmatchIndex(dict)
		if lm == nil {
			return nil, fmt.Errorf("pdf comprimeren: object %d heeft geen lengte", n)
		}
		length, _ := strconv.Atoi(string(dict[lm[2]:lm[3]]))
		dataStart := i + stream + len("\nstream\n")
		tail := []byte("\nendstream\nendobj\n")
		if dataStart+length > len(in) || !bytes.HasPrefix(in[dataStart+length:], tail) {
			return nil, fmt.Errorf("pdf comprimeren: stream van object %d klopt niet", n)
		}
		if bytes.Contains(dict, []byte("/Filter")) || bytes.Contains(dict, []byte("/Type /Metadata")) {
			out.Write(in[i : dataStart+length])
		} else {
			deflated.Reset()
			zw.Reset(&deflated)
			zw.Write(in[dataStart : dataStart+length])
			zw.Close()
			out.Write(dict[:lm[0]])
			fmt.Fprintf(out, "/Length %d/Filter /FlateDecode", deflated.Len())
			out.Write(dict[lm[1]:])
			out.WriteString("\nstream\n")
			out.Write(deflated.Bytes())
		}
		out.Write(tail)
		i = dataStart + length + len(tail)
	}
	if i >= len(in) {
		return nil, fmt.Errorf("pdf comprimeren: geen verwijzingstabel")
	}
	m := xrefSize.FindSubmatch(in[i:])
	trailer := bytes.Index(in[i:], []byte("trailer\n"))
	startxref := bytes.Index(in[i:], []byte("startxref\n"))
	if m == nil || trailer < 0 || startxref < trailer {
		return nil, fmt.Errorf("pdf comprimeren: geen verwijzingstabel")
	}
	size, _ := strconv.Atoi(string(m[1]))
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		off, ok := offsets[n]
		if !ok {
			return nil, fmt.Errorf("pdf comprimeren: object %d ontbreekt", n)
		}
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	// The trailer gains the file identifier PDF/A asks for, a digest of
	// the file, so the same document gets the same one.
	tr := in[i+trailer : i+startxref]
	// fpdf takes the object before the catalogue for the document
	// information, which it is not when there is an output intent.
	if info > 0 {
		tr = infoRef.ReplaceAll(tr, []byte(fmt.Sprintf("/Info %d 0 R", info)))
	}
	end := bytes.LastIndex(tr, []byte(">>"))
	if end < 0 {
		return nil, fmt.Errorf("pdf comprimeren: geen trailer")
	}
	id := md5.Sum(out.Bytes())
	out.Write(tr[:end])
	fmt.Fprintf(out, "/ID [<%x><%x>]\n", id, id)
	out.Write(tr[end:])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}
