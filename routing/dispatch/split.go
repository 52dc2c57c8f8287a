package dispatch

import "hash/fnv"

// HeldOutTenths is how many tenths of the corpus are held out: an order is
// held out when FNV-1a (32 bits) of its ID, modulo 10, is below this.
const HeldOutTenths = 3

// HeldOut reports whether the order with this ID belongs to the held-out
// part of a labelled corpus: rules are written and tuned on the other part
// only, and the held-out part measures them. The split depends on nothing
// but the ID, so it never moves when rules or other orders change.
func HeldOut(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%10 < HeldOutTenths
}

// Split divides a labelled corpus into its tuning and held-out parts by
// HeldOut, keeping the order of each.
func Split(orders []Labeled) (tuning, heldOut []Labeled) {
	for _, o := range orders {
		if HeldOut(o.ID) {
			heldOut = append(heldOut, o)
		} else {
			tuning = append(tuning, o)
		}
	}
	return tuning, heldOut
}
