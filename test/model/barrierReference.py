"""
Haug's closed form for European barrier options with a rebate (Reiner & Rubinstein 1991; Haug,
"The Complete Guide to Option Pricing Formulas", 2nd ed., section 4.17.1, terms A-F and the table of
the eight options), evaluated with mpmath at mp.dps = 50. Independent of src/model: every power
(H/S)^p and every N(x) is taken as it is defined, in 50-digit arithmetic with mpmath's unbounded
exponent, so nothing overflows or underflows and no logarithmic rewriting is needed.

The inputs are the doubles the tests pass (mpf(float) is the exact binary value of the literal).
Run: python3 test/model/barrierReference.py  (prints the values pasted into barrier.test.ts)
"""
from mpmath import mp, mpf, sqrt, log, exp, erfc, nstr

mp.dps = 50


def N(x):
    return erfc(-x / sqrt(2)) / 2


def haug(kind, barrier_type, S, X, H, K, T, r, q, v):
    S, X, H, K, T, r, q, v = (mpf(float(a)) for a in (S, X, H, K, T, r, q, v))
    b = r - q
    s = v * sqrt(T)
    mu = (b - v * v / 2) / (v * v)
    lam = sqrt(mu * mu + 2 * r / (v * v))
    phi = 1 if kind == 'call' else -1
    eta = 1 if barrier_type.startswith('Down') else -1
    x1 = log(S / X) / s + (1 + mu) * s
    x2 = log(S / H) / s + (1 + mu) * s
    y1 = log(H * H / (S * X)) / s + (1 + mu) * s
    y2 = log(H / S) / s + (1 + mu) * s
    z = log(H / S) / s + lam * s
    hs = H / S
    A = phi * S * exp((b - r) * T) * N(phi * x1) - phi * X * exp(-r * T) * N(phi * x1 - phi * s)
    B = phi * S * exp((b - r) * T) * N(phi * x2) - phi * X * exp(-r * T) * N(phi * x2 - phi * s)
    C = phi * S * exp((b - r) * T) * hs ** (2 * (mu + 1)) * N(eta * y1) - phi * X * exp(-r * T) * hs ** (2 * mu) * N(eta * y1 - eta * s)
    D = phi * S * exp((b - r) * T) * hs ** (2 * (mu + 1)) * N(eta * y2) - phi * X * exp(-r * T) * hs ** (2 * mu) * N(eta * y2 - eta * s)
    E = K * exp(-r * T) * (N(eta * x2 - eta * s) - hs ** (2 * mu) * N(eta * y2 - eta * s))
    F = K * (hs ** (mu + lam) * N(eta * z) + hs ** (mu - lam) * N(eta * z - 2 * eta * lam * s))
    above = X > H
    table = {
        ('call', 'DownIn'): C + E if above else A - B + D + E,
        ('call', 'UpIn'): A + E if above else B - C + D + E,
        ('put', 'DownIn'): B - C + D + E if above else A + E,
        ('put', 'UpIn'): A - B + D + E if above else C + E,
        ('call', 'DownOut'): A - C + F if above else B - D + F,
        ('call', 'UpOut'): F if above else A - B + C - D + F,
        ('put', 'DownOut'): A - B + C - D + F if above else F,
        ('put', 'UpOut'): B - D + F if above else A - C + F,
    }
    return table[(kind, barrier_type)], dict(A=A, B=B, C=C, D=D, E=E, F=F)


# The cases of barrier.test.ts ("terms (H/S)^p·N(x) where the weight or its N(x) leaves the doubles"), and
# Haug's p. 72 down-and-out call (9.0246 in his table) as a check of this script.
CASES = [
    ('call', 'DownOut', 100, 90, 95, 3, 0.5, 0.08, 0.04, 0.25),
    ('put', 'DownIn', 100, 50, 82, 5, 1, 0.01, 0.21, 0.01),
    ('call', 'UpIn', 100, 200, 122, 5, 1, 0.03, -0.17, 0.01),
    ('put', 'DownOut', 100, 50, 82, 5, 1, 0.01, 0.21, 0.01),
    ('call', 'UpOut', 100, 150, 122, 5, 1, 0.03, -0.17, 0.01),
    ('call', 'UpOut', 100, 150, 132, 5, 1, 0.03, -0.095, 0.01),
    ('put', 'DownOut', 100, 50, 76, 5, 1, 0.03, 0.155, 0.01),
    ('put', 'DownIn', 100, 84, 82, 0, 1, 0.01, 0.21, 0.01),
    ('call', 'UpIn', 100, 118, 122, 0, 1, 0.03, -0.17, 0.01),
]

if __name__ == '__main__':
    for case in CASES:
        value, terms = haug(*case)
        print(case, nstr(value, 20), {k: nstr(t, 6) for k, t in terms.items()})
