package model

import "fmt"

// Tag is the agreement between a point and the other plan. Link tags are
// Agree, Partial and Conflict; a point's tag is derived from its links, and
// is None without any, or Related when the plans were paired by theme only.
type Tag int

// The tags, in ascending order of severity for the assessed ones.
const (
	None Tag = iota
	Related
	Agree
	Partial
	Conflict
)

// Tags lists every tag in the order the tag filter cycles through them.
var Tags = []Tag{Agree, Partial, Conflict, None, Related}

// LinkTags lists the tags a curated link may carry.
var LinkTags = []Tag{Agree, Partial, Conflict}

var tagWords = [...]string{None: "none", Related: "related", Agree: "agree", Partial: "partial", Conflict: "conflict"}
var tagSymbols = [...]string{None: "·", Related: "~", Agree: "✓", Partial: "≈", Conflict: "✗"}
var tagASCII = [...]string{None: ".", Related: "~", Agree: "+", Partial: "=", Conflict: "x"}

// String returns the tag's word, such as "partial".
func (t Tag) String() string {
	if t < None || t > Conflict {
		return fmt.Sprintf("tag(%d)", int(t))
	}
	return tagWords[t]
}

// Symbol returns the tag's one-cell symbol, in ASCII when ascii is set.
func (t Tag) Symbol(ascii bool) string {
	if t < None || t > Conflict {
		return "?"
	}
	if ascii {
		return tagASCII[t]
	}
	return tagSymbols[t]
}

// Label returns the symbol and the word, such as "≈ partial", so that a tag
// reads the same without colour.
func (t Tag) Label(ascii bool) string { return t.Symbol(ascii) + " " + t.String() }

// ParseTag reads a tag word. Only the link tags are accepted unless any is
// set, in which case "none" and "related" are too.
func ParseTag(s string, any bool) (Tag, error) {
	for t, w := range tagWords {
		if w == s && (any || Tag(t) >= Agree) {
			return Tag(t), nil
		}
	}
	if any {
		return None, fmt.Errorf("unknown tag %q (want agree, partial, conflict, none or related)", s)
	}
	return None, fmt.Errorf("unknown tag %q (want agree, partial or conflict)", s)
}

// MarshalText writes the tag's word.
func (t Tag) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// DeriveTag returns a point's tag from its links: None with no link,
// otherwise the most severe (conflict > partial > agree > related).
func DeriveTag(links []PairLink) Tag {
	out := None
	for _, l := range links {
		if l.Tag > out {
			out = l.Tag
		}
	}
	return out
}
