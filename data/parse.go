package data

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"peacecmp/model"
)

// Limits on text fields, beyond those of the model.
const (
	maxTextRunes = 5000 // a summary, note or method
	maxLineRunes = 500  // a proposer, author, source title or URL
)

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	datePattern  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	yamlLineText = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// yaml.v3 numbers the lines of parser (not scanner) errors from 0.
	yamlParserError = regexp.MustCompile(`^did not find expected (key|node content|'-' indicator|',' or '\]'|',' or '\}'|<document start>)`)
)

// pos is a position in a file.
type pos struct{ line, col int }

func posOf(n *yaml.Node) pos { return pos{n.Line, n.Column} }

// ref is an id or number used in a file, where it was written.
type ref struct {
	id  string
	n   int
	pos pos
}

// parsedFile is what one file holds, with the positions the cross-file
// checks need.
type parsedFile struct {
	path string
	kind string

	themes    []model.Theme
	themeRefs []ref // theme ids as declared, for duplicate checks

	plan        *model.Plan
	planID      ref
	pointThemes [][]ref // by point index: the theme ids it uses

	comp      *model.Comparison
	compLeft  ref
	compRight ref
	linkRefs  [][2]ref // by link: left and right point numbers
	unmatched []ref    // by unmatched entry: the point number
}

// parser walks one file's YAML nodes and collects every problem.
type parser struct {
	path     string
	problems Problems
}

func (p *parser) at(at pos, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.path, Line: at.line, Column: at.col, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) { p.at(posOf(n), format, args...) }

// parseFile parses one YAML file. It never panics: a panic in decoding
// becomes a problem.
func parseFile(path string, src []byte) (f *parsedFile, problems Problems) {
	p := &parser{path: path}
	if p.scanRaw(src) {
		return nil, p.problems
	}
	defer func() {
		if r := recover(); r != nil {
			f = nil
			problems = append(p.problems, Problem{File: path, Line: 1, Column: 1, Message: fmt.Sprintf("cannot decode this file: %v", r)})
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.at(pos{1, 1}, "the file is empty: expected a mapping with a kind (themes, plan or comparison)")
		} else {
			p.syntaxError(err)
		}
		return nil, p.problems
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		p.at(pos{next.Line, next.Column}, "the file holds more than one YAML document; put each in a file of its own")
		return nil, p.problems
	} else if !errors.Is(err, io.EOF) {
		p.syntaxError(err)
		return nil, p.problems
	}
	f = &parsedFile{path: path}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	p.checkAliases(root)
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "expected a mapping with a kind (themes, plan or comparison), found %s", describe(root))
		return nil, p.problems
	}
	kindNode := lookup(root, "kind")
	if kindNode == nil {
		p.errorf(root, "missing required field \"kind\" (themes, plan or comparison)")
		return nil, p.problems
	}
	f.kind = p.text(kindNode, "kind", maxLineRunes)
	switch f.kind {
	case "themes":
		p.parseThemes(root, f)
	case "plan":
		p.parsePlan(root, f)
	case "comparison":
		p.parseComparison(root, f)
	default:
		if f.kind != "" {
			p.errorf(kindNode, "unknown kind %q (want themes, plan or comparison)", f.kind)
		}
	}
	return f, p.problems
}

// syntaxError turns a yaml.v3 error, which names only a line, into
// positioned problems. yaml.v3 does not report a column for syntax errors,
// so the column is 1.
func (p *parser) syntaxError(err error) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		line := 1
		if sm := yamlLineText.FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
			if yamlParserError.MatchString(m) {
				line++
			}
		} else {
			m = strings.TrimPrefix(m, "yaml: ")
		}
		p.at(pos{line, 1}, "YAML syntax: %s", m)
	}
}

// maxRawProblems bounds the problems reported for raw bytes in one file.
const maxRawProblems = 20

// scanRaw reports, with their exact line and column, the bytes yaml.v3
// would reject without a position: invalid UTF-8 and raw control
// characters. It returns whether it found any.
func (p *parser) scanRaw(src []byte) bool {
	line, col, found := 1, 1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		msg := ""
		switch {
		case r == utf8.RuneError && size <= 1:
			msg = fmt.Sprintf(`invalid UTF-8 byte \x%02x`, src[i])
		case r == '\r' || r == '\n' || r == '\t':
		case model.UnsafeRune(r):
			msg = "forbidden character " + model.EscapeRune(r)
		}
		if msg != "" {
			found++
			if found <= maxRawProblems {
				p.at(pos{line, col}, "%s: control characters other than newline and tab, bidirectional controls and invalid UTF-8 are not allowed", msg)
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	if found > maxRawProblems {
		p.at(pos{line, col}, "%d more forbidden characters not listed", found-maxRawProblems)
	}
	return found > 0
}

// checkAliases rejects aliases: they are never needed in this format, and
// refusing them rules out alias bombs. Only the first is reported, with a
// count of the rest.
func (p *parser) checkAliases(root *yaml.Node) {
	var first *yaml.Node
	count := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			if first == nil {
				first = n
			}
			count++
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	if first != nil {
		p.errorf(first, "aliases (*%s) are not supported in peacecmp files (%d in this file)", first.Value, count)
	}
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", truncate(n.Value, 40))
	}
	return "something else"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// fields walks a mapping: it calls the handler of each known key, reports
// unknown and repeated keys, and missing required ones.
func (p *parser) fields(m *yaml.Node, what string, handlers map[string]func(*yaml.Node), required ...string) bool {
	if m.Kind != yaml.MappingNode {
		p.errorf(m, "expected %s as a mapping, found %s", what, describe(m))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		h, ok := handlers[k.Value]
		switch {
		case !ok:
			p.errorf(k, "unknown field %q in %s (allowed: %s)", k.Value, what, strings.Join(sortedNames(handlers), ", "))
		case seen[k.Value]:
			p.errorf(k, "field %q is given twice in %s", k.Value, what)
		default:
			seen[k.Value] = true
			h(v)
		}
	}
	for _, r := range required {
		if !seen[r] {
			p.errorf(m, "missing required field %q in %s", r, what)
		}
	}
	return true
}

func sortedNames(m map[string]func(*yaml.Node)) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// text reads a scalar as text and checks it: not empty, at most maxRunes
// characters, no control character, bidi control or invalid UTF-8.
func (p *parser) text(n *yaml.Node, field string, maxRunes int) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s must be text, found %s", field, describe(n))
		return ""
	}
	switch n.ShortTag() {
	case "!!null":
		p.errorf(n, "%s must not be empty", field)
		return ""
	case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
	case "!!binary":
		detail := ""
		if b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(n.Value), "")); err == nil {
			if esc, _, bad := model.FirstUnsafe(string(b)); bad {
				detail = " (it decodes to text holding " + esc + ")"
			}
		}
		p.errorf(n, "%s must be plain text, found a !!binary value%s", field, detail)
		return ""
	default:
		p.errorf(n, "%s must be plain text, found a value tagged %s", field, n.ShortTag())
		return ""
	}
	if esc, _, bad := model.FirstUnsafe(n.Value); bad {
		p.errorf(n, "%s holds a forbidden character (%s): control characters other than newline and tab, bidirectional controls and invalid UTF-8 are not allowed", field, esc)
		return ""
	}
	v := strings.TrimSpace(n.Value)
	if v == "" {
		p.errorf(n, "%s must not be empty", field)
		return ""
	}
	if c := utf8.RuneCountInString(v); c > maxRunes {
		p.errorf(n, "%s is too long: %d characters, at most %d", field, c, maxRunes)
	}
	return v
}

func (p *parser) id(n *yaml.Node, field string) ref {
	v := p.text(n, field, 64)
	if v != "" && !idPattern.MatchString(v) {
		p.errorf(n, "%s %q is not kebab-case (lower-case letters and digits joined by single hyphens)", field, v)
	}
	return ref{id: v, pos: posOf(n)}
}

func (p *parser) date(n *yaml.Node, field string) string {
	v := p.text(n, field, 10)
	if v == "" {
		return ""
	}
	if _, err := time.Parse("2006-01-02", v); err != nil || !datePattern.MatchString(v) {
		p.errorf(n, "%s %q is not a valid date in the form YYYY-MM-DD", field, v)
		return ""
	}
	return v
}

func (p *parser) url(n *yaml.Node, field string) string {
	v := p.text(n, field, maxLineRunes)
	if v != "" && (!strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") || strings.ContainsAny(v, " \n\t")) {
		p.errorf(n, "%s %q is not an http or https URL", field, truncate(v, 60))
	}
	return v
}

func (p *parser) number(n *yaml.Node, field string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		p.errorf(n, "%s must be a whole number, found %s", field, describe(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil || v < 1 {
		p.errorf(n, "%s must be a whole number from 1, found %s", field, n.Value)
		return 0, false
	}
	return v, true
}

func (p *parser) list(n *yaml.Node, field string, each func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list, found %s", field, describe(n))
		return
	}
	if len(n.Content) == 0 {
		p.errorf(n, "%s must not be empty", field)
	}
	for _, c := range n.Content {
		each(c)
	}
}

func (p *parser) parseThemes(root *yaml.Node, f *parsedFile) {
	p.fields(root, "a themes file", map[string]func(*yaml.Node){
		"kind": func(*yaml.Node) {},
		"themes": func(n *yaml.Node) {
			p.list(n, "themes", func(tn *yaml.Node) {
				var t model.Theme
				var id ref
				ok := p.fields(tn, "a theme", map[string]func(*yaml.Node){
					"id":          func(v *yaml.Node) { id = p.id(v, "id"); t.ID = id.id },
					"name":        func(v *yaml.Node) { t.Name = p.text(v, "name", model.MaxTitleRunes) },
					"description": func(v *yaml.Node) { t.Description = p.text(v, "description", maxLineRunes) },
				}, "id", "name", "description")
				if ok {
					f.themes = append(f.themes, t)
					f.themeRefs = append(f.themeRefs, id)
				}
			})
		},
	}, "kind", "themes")
}

func (p *parser) parsePlan(root *yaml.Node, f *parsedFile) {
	plan := &model.Plan{}
	f.plan = plan
	p.fields(root, "a plan", map[string]func(*yaml.Node){
		"kind":     func(*yaml.Node) {},
		"id":       func(n *yaml.Node) { f.planID = p.id(n, "id"); plan.ID = f.planID.id },
		"title":    func(n *yaml.Node) { plan.Title = p.text(n, "title", model.MaxTitleRunes) },
		"short":    func(n *yaml.Node) { plan.Short = p.short(n) },
		"proposer": func(n *yaml.Node) { plan.Proposer = p.text(n, "proposer", maxLineRunes) },
		"date":     func(n *yaml.Node) { plan.Date = p.date(n, "date") },
		"status": func(n *yaml.Node) {
			v := p.text(n, "status", maxLineRunes)
			for _, s := range model.Statuses {
				if string(s) == v {
					plan.Status = s
					return
				}
			}
			if v != "" {
				p.errorf(n, "unknown status %q (want official, reported or draft)", v)
			}
		},
		"sources": func(n *yaml.Node) { plan.Sources = p.sources(n) },
		"summary": func(n *yaml.Node) { plan.Summary = p.text(n, "summary", maxTextRunes) },
		"points":  func(n *yaml.Node) { p.points(n, f) },
	}, "kind", "id", "title", "short", "proposer", "date", "status", "sources", "summary", "points")
}

func (p *parser) short(n *yaml.Node) string {
	v := p.text(n, "short", maxLineRunes)
	if w := model.TextWidth(v); w > model.MaxShortWidth {
		p.errorf(n, "short is too wide: %d cells, at most %d", w, model.MaxShortWidth)
	}
	return v
}

func (p *parser) sources(n *yaml.Node) []model.Source {
	var out []model.Source
	p.list(n, "sources", func(sn *yaml.Node) {
		var s model.Source
		if p.fields(sn, "a source", map[string]func(*yaml.Node){
			"title": func(v *yaml.Node) { s.Title = p.text(v, "title", maxLineRunes) },
			"url":   func(v *yaml.Node) { s.URL = p.url(v, "url") },
		}, "title", "url") {
			out = append(out, s)
		}
	})
	return out
}

func (p *parser) points(n *yaml.Node, f *parsedFile) {
	seen := map[int]pos{}
	p.list(n, "points", func(pn *yaml.Node) {
		var pt model.Point
		var themes []ref
		var nNode *yaml.Node
		if !p.fields(pn, "a point", map[string]func(*yaml.Node){
			"n":       func(v *yaml.Node) { nNode = v; pt.N, _ = p.number(v, "n") },
			"title":   func(v *yaml.Node) { pt.Title = p.text(v, "title", model.MaxTitleRunes) },
			"summary": func(v *yaml.Node) { pt.Summary = p.text(v, "summary", maxTextRunes) },
			"themes": func(v *yaml.Node) {
				p.list(v, "themes", func(tn *yaml.Node) {
					r := p.id(tn, "theme")
					if r.id != "" {
						themes = append(themes, r)
						pt.Themes = append(pt.Themes, r.id)
					}
				})
			},
			"quote": func(v *yaml.Node) {
				pt.Quote = p.text(v, "quote", maxTextRunes)
				if w := len(strings.Fields(pt.Quote)); w > model.MaxQuoteWords {
					p.errorf(v, "quote is too long: %d words, at most %d", w, model.MaxQuoteWords)
				}
			},
			"source": func(v *yaml.Node) { pt.Source = p.url(v, "source") },
		}, "n", "title", "summary", "themes") {
			return
		}
		if nNode != nil && pt.N > 0 {
			want := len(f.plan.Points) + 1
			if prev, dup := seen[pt.N]; dup {
				p.errorf(nNode, "point %d is given twice (first at line %d)", pt.N, prev.line)
			} else if pt.N != want {
				p.errorf(nNode, "point numbers must be consecutive from 1: expected %d, found %d", want, pt.N)
			}
			seen[pt.N] = posOf(nNode)
		}
		f.plan.Points = append(f.plan.Points, pt)
		f.pointThemes = append(f.pointThemes, themes)
	})
}

func (p *parser) parseComparison(root *yaml.Node, f *parsedFile) {
	c := &model.Comparison{}
	f.comp = c
	p.fields(root, "a comparison", map[string]func(*yaml.Node){
		"kind":   func(*yaml.Node) {},
		"left":   func(n *yaml.Node) { f.compLeft = p.id(n, "left"); c.Left = f.compLeft.id },
		"right":  func(n *yaml.Node) { f.compRight = p.id(n, "right"); c.Right = f.compRight.id },
		"author": func(n *yaml.Node) { c.Author = p.text(n, "author", maxLineRunes) },
		"date":   func(n *yaml.Node) { c.Date = p.date(n, "date") },
		"method": func(n *yaml.Node) { c.Method = p.text(n, "method", maxTextRunes) },
		"links": func(n *yaml.Node) {
			p.list(n, "links", func(ln *yaml.Node) {
				var l model.Link
				var lr, rr ref
				if p.fields(ln, "a link", map[string]func(*yaml.Node){
					"left":  func(v *yaml.Node) { l.Left, _ = p.number(v, "left"); lr = ref{n: l.Left, pos: posOf(v)} },
					"right": func(v *yaml.Node) { l.Right, _ = p.number(v, "right"); rr = ref{n: l.Right, pos: posOf(v)} },
					"tag": func(v *yaml.Node) {
						w := p.text(v, "tag", maxLineRunes)
						if w == "" {
							return
						}
						t, err := model.ParseTag(w, false)
						if err != nil {
							p.errorf(v, "%v", err)
						}
						l.Tag = t
					},
					"note": func(v *yaml.Node) { l.Note = p.text(v, "note", maxTextRunes) },
				}, "left", "right", "tag", "note") {
					c.Links = append(c.Links, l)
					f.linkRefs = append(f.linkRefs, [2]ref{lr, rr})
				}
			})
		},
		"unmatched": func(n *yaml.Node) {
			if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
				return // an empty list is fine here
			}
			p.list(n, "unmatched", func(un *yaml.Node) {
				var u model.Unmatched
				var r ref
				if p.fields(un, "an unmatched point", map[string]func(*yaml.Node){
					"side": func(v *yaml.Node) {
						switch s := p.text(v, "side", maxLineRunes); s {
						case "left":
							u.Side = model.Left
						case "right":
							u.Side = model.Right
						case "":
						default:
							p.errorf(v, "unknown side %q (want left or right)", s)
						}
					},
					"n":    func(v *yaml.Node) { u.N, _ = p.number(v, "n"); r = ref{n: u.N, pos: posOf(v)} },
					"note": func(v *yaml.Node) { u.Note = p.text(v, "note", maxTextRunes) },
				}, "side", "n", "note") {
					c.Unmatched = append(c.Unmatched, u)
					f.unmatched = append(f.unmatched, r)
				}
			})
		},
	}, "kind", "left", "right", "author", "date", "method", "links")
}
