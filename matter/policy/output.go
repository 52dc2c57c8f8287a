package policy

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"iter"
	"slices"
	"strconv"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// Commitment is the state of an enterprise's commitment (告知承诺) for a
// policy that requires one before payment.
type Commitment string

// The commitment states.
const (
	CommitmentNotRequired Commitment = "not_required"
	CommitmentPending     Commitment = "pending" // required, not yet signed: not payable
	CommitmentSigned      Commitment = "signed"
)

// Commitments tells whether an enterprise has signed the commitment of a
// policy, and when. A nil Commitments knows of none.
type Commitments func(policy string, enterprise creditcode.Code) (signed matter.Date, ok bool)

// PushItem tells one enterprise of one policy (政策推送): what it will get
// and what it must do.
type PushItem struct {
	Enterprise creditcode.Code `json:"enterprise"`
	Name       string          `json:"name"`
	Policy     string          `json:"policy"`
	PolicyName string          `json:"policy_name"`
	Mode       Mode            `json:"mode"`
	Amount     Amount          `json:"amount"`
	// Action is "receive" (免申即享, paid without further step),
	// "sign_commitment" (免申即享 after a commitment) or "apply" (快申快享).
	Action string `json:"action"`
}

// PushList is who to notify of what: every eligible result.
type PushList struct {
	Date  matter.Date `json:"date"`
	Items []PushItem  `json:"items"`
	// Total is the sum of the items' amounts, exact to the fen.
	Total Amount `json:"total"`
}

// PaymentLine is one direct payment (直达): to whom, where, how much, for
// what, and whether the commitment allows paying now.
type PaymentLine struct {
	Enterprise creditcode.Code `json:"enterprise"`
	Name       string          `json:"name"`
	Bank       string          `json:"bank"`
	Account    string          `json:"account"`
	Amount     Amount          `json:"amount"`
	Policy     string          `json:"policy"`
	PolicyName string          `json:"policy_name"`
	Commitment Commitment      `json:"commitment"`
	Signed     matter.Date     `json:"signed,omitzero"`
	// Payable is false while a required commitment is pending.
	Payable bool `json:"payable"`
}

// PolicyTotal is the subtotal of one policy in a payment list.
type PolicyTotal struct {
	Policy string `json:"policy"`
	Count  int    `json:"count"`
	Amount Amount `json:"amount"`
}

// PaymentList is the 免申即享 payments of a run. Every amount is a whole
// number of fen, so Total is exactly the sum of the lines, Payable the sum
// of the payable ones, and the per-policy totals add up to Total.
type PaymentList struct {
	Date     matter.Date   `json:"date"`
	Lines    []PaymentLine `json:"lines"`
	ByPolicy []PolicyTotal `json:"by_policy"`
	Count    int           `json:"count"`
	Total    Amount        `json:"total"`
	Payable  Amount        `json:"payable"`
}

// Lists builds the push list and the payment list of a run of Match on
// day: every eligible result goes on the push list; eligible results of
// 免申即享 policies go on the payment list, payable unless a required
// commitment is not yet signed. It stops at the first error of results.
// Lines keep the order of results.
func Lists(day matter.Date, results iter.Seq2[Result, error], signed Commitments) (*PushList, *PaymentList, error) {
	push := &PushList{Date: day, Items: []PushItem{}}
	pay := &PaymentList{Date: day, Lines: []PaymentLine{}, ByPolicy: []PolicyTotal{}}
	byPolicy := map[string]*PolicyTotal{}
	for r, err := range results {
		if err != nil {
			return nil, nil, err
		}
		if r.Outcome != Eligible {
			continue
		}
		pol, p := r.Policy, r.Profile
		item := PushItem{Enterprise: p.Code, Name: p.Name, Policy: pol.Code, PolicyName: pol.Name, Mode: pol.Mode, Amount: r.Amount, Action: "receive"}
		line := PaymentLine{Enterprise: p.Code, Name: p.Name, Bank: p.Account.Bank, Account: p.Account.Number,
			Amount: r.Amount, Policy: pol.Code, PolicyName: pol.Name, Commitment: CommitmentNotRequired, Payable: true}
		if pol.Commitment {
			item.Action = "sign_commitment"
			line.Commitment, line.Payable = CommitmentPending, false
			if signed != nil {
				if d, ok := signed(pol.Code, p.Code); ok {
					line.Commitment, line.Signed, line.Payable = CommitmentSigned, d, true
					item.Action = "receive"
				}
			}
		}
		if pol.Mode == Fast {
			item.Action = "apply"
		}
		push.Items = append(push.Items, item)
		push.Total += r.Amount
		if pol.Mode != Exempt {
			continue
		}
		pay.Lines = append(pay.Lines, line)
		pay.Count++
		pay.Total += line.Amount
		if line.Payable {
			pay.Payable += line.Amount
		}
		t := byPolicy[pol.Code]
		if t == nil {
			t = &PolicyTotal{Policy: pol.Code}
			byPolicy[pol.Code] = t
		}
		t.Count++
		t.Amount += line.Amount
	}
	for _, t := range byPolicy {
		pay.ByPolicy = append(pay.ByPolicy, *t)
	}
	slices.SortFunc(pay.ByPolicy, func(a, b PolicyTotal) int { return cmp.Compare(a.Policy, b.Policy) })
	return push, pay, nil
}

// Reconcile recomputes every total from the lines and reports whether all
// agree exactly.
func (l *PaymentList) Reconcile() bool {
	var total, payable, byPolicy Amount
	for _, ln := range l.Lines {
		total += ln.Amount
		if ln.Payable {
			payable += ln.Amount
		}
	}
	n := 0
	for _, t := range l.ByPolicy {
		byPolicy += t.Amount
		n += t.Count
	}
	return total == l.Total && payable == l.Payable && byPolicy == l.Total && n == len(l.Lines) && l.Count == len(l.Lines)
}

// WriteJSON writes the list as indented JSON, amounts as strings.
func (l *PaymentList) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// PaymentCSVHeader is the header row of WriteCSV.
var PaymentCSVHeader = []string{"enterprise", "name", "bank", "account", "amount", "policy", "policy_name", "commitment", "signed", "payable"}

// WriteCSV writes one row per line after PaymentCSVHeader, amounts in yuan
// with two decimals. Totals are not rows: a bank import reads lines only;
// they are in the JSON form.
func (l *PaymentList) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(PaymentCSVHeader); err != nil {
		return err
	}
	for _, ln := range l.Lines {
		if err := cw.Write([]string{string(ln.Enterprise), ln.Name, ln.Bank, ln.Account, ln.Amount.String(),
			ln.Policy, ln.PolicyName, string(ln.Commitment), ln.Signed.String(), strconv.FormatBool(ln.Payable)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the push list as indented JSON.
func (l *PushList) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// PushCSVHeader is the header row of PushList.WriteCSV.
var PushCSVHeader = []string{"enterprise", "name", "policy", "policy_name", "mode", "amount", "action"}

// WriteCSV writes one row per item after PushCSVHeader.
func (l *PushList) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(PushCSVHeader); err != nil {
		return err
	}
	for _, it := range l.Items {
		if err := cw.Write([]string{string(it.Enterprise), it.Name, it.Policy, it.PolicyName, string(it.Mode), it.Amount.String(), it.Action}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
