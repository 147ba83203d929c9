from taihoanhap.tests.matrix import SIGNED_IN, case

CASES = [
    case("accounts:login", public=True),
    case("accounts:logout", ok=SIGNED_IN, method="post"),
    case("accounts:password_change", ok=SIGNED_IN),
]
