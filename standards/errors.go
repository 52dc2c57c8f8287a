package standards

import "errors"

// ErrInvalid reports a standards file or value that breaks a documented
// rule. Test with errors.Is: a *LoadError unwraps to it.
var ErrInvalid = errors.New("invalid")
