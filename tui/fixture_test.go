package tui

import (
	"testing"

	"peacecmp/model"
)

// fixture builds a small library that does not change when the embedded
// data does, so that golden files stay put. It has every tag, a point with
// two counterparts, unmatched points with notes, a quote, a long title, a
// wide-character title, hostile control sequences, and a third plan with no
// comparison (paired by theme only).
func fixture(tb testing.TB) *model.Library {
	tb.Helper()
	themes := []model.Theme{
		{ID: "nuclear-safety", Name: "Nuclear and radiation safety"},
		{ID: "food-security", Name: "Food security"},
		{ID: "humanitarian", Name: "Humanitarian relief and protection of civilians"},
		{ID: "ceasefire", Name: "Ceasefire, hostilities and withdrawal of troops"},
		{ID: "justice", Name: "Justice, accountability, compensation and amnesty"},
		{ID: "economy", Name: "Sanctions, trade and supply chains"},
	}
	alpha := &model.Plan{
		ID: "alpha-2020", Title: "The Alpha Plan", Short: "Alpha plan", Proposer: "Government of Alpha",
		Date: "2020-01-02", Status: model.StatusOfficial,
		Sources: []model.Source{{Title: "Alpha gazette", URL: "https://example.org/alpha"}},
		Points: []model.Point{
			{N: 1, Title: "Nuclear safety", Summary: "Calls for safe nuclear plants and inspections.", Themes: []string{"nuclear-safety"},
				Quote: "no plant shall be a target", Source: "https://example.org/alpha#1"},
			{N: 2, Title: "Grain exports", Summary: "Wants grain shipping to continue.", Themes: []string{"food-security", "economy"}},
			{N: 3, Title: "A ceasefire along the whole front line, monitored by observers from neutral states and followed by the withdrawal of all forces", Summary: "Asks for an immediate ceasefire and a full withdrawal.", Themes: []string{"ceasefire"}},
			{N: 4, Title: "Justice\x1b]52;c;ZXZpbA==\x07 for victims\u202e", Summary: "Seeks a tribunal\x1b[31m and compensation.", Themes: []string{"justice"}},
			{N: 5, Title: "Humanitarian corridors", Summary: "Opens corridors for civilians.", Themes: []string{"humanitarian"}},
		},
	}
	beta := &model.Plan{
		ID: "beta-2021", Title: "Beta position paper", Short: "Beta paper", Proposer: "Ministry of Beta",
		Date: "2021-03-04", Status: model.StatusReported,
		Points: []model.Point{
			{N: 1, Title: "Keep plants safe", Summary: "Opposes attacks on nuclear plants.", Themes: []string{"nuclear-safety"}},
			{N: 2, Title: "Reduce nuclear risk", Summary: "Opposes nuclear threats in general.", Themes: []string{"nuclear-safety"}},
			{N: 3, Title: "Facilitate grain exports", Summary: "Supports grain exports with a UN role.", Themes: []string{"food-security"}},
			{N: 4, Title: "Freeze the lines", Summary: "Asks for a ceasefire in place, without withdrawal.", Themes: []string{"ceasefire"}},
			{N: 5, Title: "Lift sanctions 制裁", Summary: "Opposes unilateral sanctions.", Themes: []string{"economy"}},
			{N: 6, Title: "Reconstruction", Summary: "Supports rebuilding after the war.", Themes: []string{"economy"}},
		},
	}
	gamma := &model.Plan{
		ID: "gamma-2022", Title: "Gamma proposal", Short: "Gamma", Proposer: "Gamma group",
		Date: "2022-05-06", Status: model.StatusDraft,
		Points: []model.Point{
			{N: 1, Title: "Civilians first", Summary: "Protect civilians.", Themes: []string{"humanitarian"}},
			{N: 2, Title: "Stop the fighting", Summary: "A ceasefire now.", Themes: []string{"ceasefire"}},
			{N: 3, Title: "Talks", Summary: "Talks without conditions.", Themes: []string{"economy"}},
		},
	}
	comp := &model.Comparison{
		Left: "alpha-2020", Right: "beta-2021", Author: "tests", Date: "2024-01-01", Method: "By hand.",
		Links: []model.Link{
			{Left: 1, Right: 1, Tag: model.Agree, Note: "Both want safe plants."},
			{Left: 1, Right: 2, Tag: model.Partial, Note: "Alpha names the threats; Beta speaks in general."},
			{Left: 2, Right: 3, Tag: model.Agree, Note: "Both want grain to move."},
			{Left: 3, Right: 4, Tag: model.Conflict, Note: "Alpha wants withdrawal; Beta a freeze."},
			{Left: 2, Right: 5, Tag: model.Partial, Note: "Trade touches sanctions."},
		},
		Unmatched: []model.Unmatched{
			{Side: model.Left, N: 4, Note: "Beta has no point on justice."},
			{Side: model.Right, N: 6, Note: "Alpha has no reconstruction point."},
		},
	}
	return model.NewLibrary(themes, []*model.Plan{alpha, beta, gamma}, []*model.Comparison{comp})
}

// fixtureOptions opens alpha against beta in the golden-test profile.
func fixtureOptions(tb testing.TB) Options {
	return Options{Library: fixture(tb), Left: "alpha-2020", Right: "beta-2021", ASCII: true, NoColor: true, Dir: tb.TempDir()}
}
