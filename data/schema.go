package data

import _ "embed"

//go:embed peacecmp.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of peacecmp's YAML files:
// themes, plans and comparisons. Editors with a YAML language server use it
// to validate and complete files as they are typed. It checks each file on
// its own; checks across files (known theme and plan ids, existing point
// numbers, unique ids and point numbers) are the loader's. The returned
// slice is a copy the caller may change.
func Schema() []byte {
	return append([]byte(nil), schema...)
}
