package routing

import (
	"fmt"
	"strconv"
)

// Mode is how an application travels between places (通办模式, 国办发〔2020〕35号).
type Mode uint8

// The modes. Local needs no agreement; the other three are what agreements
// allow between places.
const (
	// Local is 本地办理: the applicant applies where the matter is decided.
	Local Mode = iota + 1
	// Online is 全程网办: the whole process online, handled by the deciding
	// office (the home authority) whatever platform received it.
	Online
	// Proxy is 异地代收代办 (收受分离): the receiving place checks identity
	// and form, digitises and sends the materials; the deciding place
	// reviews, decides and delivers.
	Proxy
	// Joint is 多地联办: one place accepts and the departments of the other
	// places work the matter out through shared materials; the applicant
	// goes to one place.
	Joint
)

var modeNames = [...]struct{ text, zh, en string }{
	{},
	Local:  {"local", "本地办理", "local handling"},
	Online: {"online", "全程网办", "fully online"},
	Proxy:  {"proxy", "异地代收代办", "received elsewhere, decided at home"},
	Joint:  {"joint", "多地联办", "handled jointly by several places"},
}

// Modes lists the four modes in a stable order.
func Modes() []Mode { return []Mode{Local, Online, Proxy, Joint} }

// Valid reports whether m is one of the four modes.
func (m Mode) Valid() bool { return m >= Local && m <= Joint }

// Names returns the Chinese and English names of the mode.
func (m Mode) Names() (zh, en string) {
	if !m.Valid() {
		return "", ""
	}
	return modeNames[m].zh, modeNames[m].en
}

// String returns the mode's JSON name: "local", "online", "proxy" or "joint".
func (m Mode) String() string {
	if !m.Valid() {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m].text
}

// MarshalText writes the mode's JSON name.
func (m Mode) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, fmt.Errorf("routing: %w: mode %d", ErrInvalid, m)
	}
	return []byte(modeNames[m].text), nil
}

// UnmarshalText reads a mode's JSON name.
func (m *Mode) UnmarshalText(b []byte) error {
	for v := Local; v <= Joint; v++ {
		if modeNames[v].text == string(b) {
			*m = v
			return nil
		}
	}
	return fmt.Errorf("routing: %w: unknown mode %q", ErrInvalid, b)
}

// modeSet is a set of modes, as an agreement allows them.
type modeSet uint8

func (s modeSet) has(m Mode) bool { return s&(1<<m) != 0 }

func setOf(ms []Mode) modeSet {
	var s modeSet
	for _, m := range ms {
		s |= 1 << m
	}
	return s
}
