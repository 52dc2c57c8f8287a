package matter

import "slices"

// Deep copies of the catalog's values, so that nothing a Catalog returns
// shares memory with it.

func copyBundle(b *Bundle) *Bundle {
	c := *b
	c.Members = slices.Clone(b.Members)
	c.Tags = slices.Clone(b.Tags)
	if b.Plan.Steps != nil {
		c.Plan.Steps = make([]Step, len(b.Plan.Steps))
		for i, st := range b.Plan.Steps {
			st.Slots = slices.Clone(st.Slots)
			for j := range st.Slots {
				st.Slots[j].OneOf = slices.Clone(st.Slots[j].OneOf)
			}
			c.Plan.Steps[i] = st
		}
	}
	return &c
}

func copyOverlay(o *Overlay) *Overlay {
	c := *o
	if o.Body != nil {
		b := *o.Body
		c.Body = &b
	}
	c.Places = slices.Clone(o.Places)
	if o.Contacts != nil {
		ct := *o.Contacts
		c.Contacts = &ct
	}
	if o.PromisedLimit != nil {
		l := *o.PromisedLimit
		c.PromisedLimit = &l
	}
	if o.Visits != nil {
		v := *o.Visits
		c.Visits = &v
	}
	c.LegalBasis = slices.Clone(o.LegalBasis)
	c.Conditions = slices.Clone(o.Conditions)
	if o.Materials != nil {
		c.Materials = make([]Material, len(o.Materials))
		for i, m := range o.Materials {
			m.Trust = slices.Clone(m.Trust)
			c.Materials[i] = m
		}
	}
	return &c
}

func copyOutlet(o Outlet) Outlet {
	o.Matters = slices.Clone(o.Matters)
	o.Bundles = slices.Clone(o.Bundles)
	return o
}
