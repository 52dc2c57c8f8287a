package routing

import (
	"fmt"
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
	"github.com/onething-gov/onething/standards/workday"
)

// Catalog is what the router needs of a service catalog; *matter.Catalog
// implements it.
//
// Resolve returns the matter with 基本编码 code as implemented in division d
// (the base matter with d's implementation lists applied), or an error
// wrapping matter.ErrNotFound for an unknown code. Negative returns the
// negative-list (负面清单) entry covering the matter in d, if any. Both must
// be safe for concurrent use; the router never changes what they return.
// Resolve is called once for a route decided where it is received and once
// more per other deciding place.
type Catalog interface {
	Resolve(code string, d division.Code) (*matter.Matter, error)
	Negative(code string, d division.Code) (matter.NegativeEntry, bool)
}

// Default working days for the legs between places, used unless an
// agreement or an option says otherwise (unconfirmed common practice).
const (
	// DefaultForwardDays is how long the receiving place has to send the
	// materials to the deciding place.
	DefaultForwardDays = 1
	// DefaultReturnDays is how long the deciding place has, once it has
	// decided, to send the result on.
	DefaultReturnDays = 1
)

// Router decides who receives and who decides an application (收件地,
// 办理地), in which mode, with the legs between them, each party's duties
// and the deadlines in working days. It is immutable and safe for
// concurrent use. Make one with NewRouter.
type Router struct {
	cat     Catalog
	agr     *Agreements
	cal     *workday.Calendar
	forward int
	ret     int
	basis   map[string][]Basis
	// provinces marks the two-digit prefixes of real provinces.
	provinces [100]bool
}

// Option configures a Router.
type Option func(*Router) error

// WithForwardDays sets the working days the receiving place has to send the
// materials on, where the agreement does not say (default 1).
func WithForwardDays(n int) Option {
	return func(r *Router) error {
		if n < 0 || n > 60 {
			return fmt.Errorf("routing: %w: forward days %d not in 0–60", ErrInvalid, n)
		}
		r.forward = n
		return nil
	}
}

// WithReturnDays sets the working days the deciding place has, after its
// decision, to send the result on, where the agreement does not say
// (default 1).
func WithReturnDays(n int) Option {
	return func(r *Router) error {
		if n < 0 || n > 60 {
			return fmt.Errorf("routing: %w: return days %d not in 0–60", ErrInvalid, n)
		}
		r.ret = n
		return nil
	}
}

// WithBasis fixes the bases of the matter with code, before the agreements'
// jurisdiction data and the matter's tags: WithBasis(code, BasisBenefitPlace)
// makes it a pension matter. Up to three bases, each naming one deciding
// place.
func WithBasis(code string, bases ...Basis) Option {
	return func(r *Router) error {
		if len(bases) == 0 || len(bases) > maxBases {
			return fmt.Errorf("routing: %w: matter %s: want 1–%d bases, have %d", ErrInvalid, code, maxBases, len(bases))
		}
		for _, b := range bases {
			if !b.Valid() {
				return fmt.Errorf("routing: %w: matter %s: basis %d", ErrInvalid, code, b)
			}
		}
		if r.basis == nil {
			r.basis = map[string][]Basis{}
		}
		r.basis[code] = slices.Clone(bases)
		return nil
	}
}

// WithPensionMatters marks the matters with the given codes as decided at
// the pension benefit place (待遇领取地); it is WithBasis(code, BasisBenefitPlace)
// for each.
func WithPensionMatters(codes ...string) Option {
	return func(r *Router) error {
		for _, c := range codes {
			if err := WithBasis(c, BasisBenefitPlace)(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// NewRouter returns a router over the catalog and the agreements (nil for
// none: only local and in-place online routes). A nil calendar means
// workday.China().
func NewRouter(cat Catalog, agr *Agreements, cal *workday.Calendar, opts ...Option) (*Router, error) {
	if cat == nil {
		return nil, fmt.Errorf("routing: %w: nil catalog", ErrInvalid)
	}
	if agr == nil {
		agr = &Agreements{}
	}
	if cal == nil {
		cal = workday.China()
	}
	r := &Router{cat: cat, agr: agr, cal: cal, forward: DefaultForwardDays, ret: DefaultReturnDays}
	for p := range r.provinces {
		r.provinces[p] = division.IsProvince(fmt.Sprintf("%02d", p))
	}
	for _, o := range opts {
		if err := o(r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Agreements returns the router's agreements.
func (r *Router) Agreements() *Agreements { return r.agr }
