package routing

import (
	"context"
	"errors"
	"time"

	"github.com/onething-gov/onething/matter"
)

// BundleRoute routes a 一件事: one route per selected member, and the legs
// that travel together.
type BundleRoute struct {
	Bundle string
	// Routes hold one route per member routed, in plan order.
	Routes []Route
	// Groups are the members' legs grouped by from, to, cargo and way, in
	// the order they first appear: one parcel, one upload.
	Groups []LegGroup
	// Due is the latest Due of the routes.
	Due time.Time
}

// LegGroup is legs of several members that travel together.
type LegGroup struct {
	From  Party `json:"from"`
	To    Party `json:"to"`
	Cargo Cargo `json:"cargo"`
	Via   Via   `json:"via"`
	// Due is the earliest due date of the legs: the group must be sent by
	// then to keep every member's deadline.
	Due time.Time `json:"due"`
	// Members are the matters whose legs travel in the group, each with its
	// own due date.
	Members []GroupMember `json:"members"`
}

// GroupMember is one member's leg in a group.
type GroupMember struct {
	Matter string    `json:"matter"`
	Due    time.Time `json:"due"`
}

// RouteBundle routes each member of a bundle selection (matter.Bundle.Select)
// for the same applicant, place, channel and time — q.Matter is ignored —
// and groups the legs that travel together. Members are routed as
// received together; ordering their decisions is the plan's business
// (matter.Plan).
//
// If some members cannot be routed, the error joins each member's error
// (so errors.Is(err, ErrNotRoutable) reports a member that has no route)
// and the BundleRoute still holds the members that were routed.
func (r *Router) RouteBundle(ctx context.Context, sel matter.Selection, q Request) (BundleRoute, error) {
	members := sel.Members()
	br := BundleRoute{Bundle: sel.Bundle, Routes: make([]Route, 0, len(members))}
	var errs []error
	for _, code := range members {
		q.Matter = code
		var rt Route
		if err := r.route(ctx, &q, &rt); err != nil {
			errs = append(errs, err)
			continue
		}
		br.Routes = append(br.Routes, rt)
	}
	type key struct {
		from, to Party
		cargo    Cargo
		via      Via
	}
	index := map[key]int{}
	for i := range br.Routes {
		rt := &br.Routes[i]
		if rt.Due.After(br.Due) {
			br.Due = rt.Due
		}
		for _, l := range rt.Legs() {
			k := key{l.From, l.To, l.Cargo, l.Via}
			g, ok := index[k]
			if !ok {
				g = len(br.Groups)
				index[k] = g
				br.Groups = append(br.Groups, LegGroup{From: l.From, To: l.To, Cargo: l.Cargo, Via: l.Via, Due: l.Due})
			}
			grp := &br.Groups[g]
			if l.Due.Before(grp.Due) {
				grp.Due = l.Due
			}
			grp.Members = append(grp.Members, GroupMember{Matter: rt.Matter, Due: l.Due})
		}
	}
	return br, errors.Join(errs...)
}
