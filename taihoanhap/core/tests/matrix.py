from taihoanhap.tests.matrix import SIGNED_IN, case

CASES = [
    case("core:home", ok=SIGNED_IN),
    case("core:healthz", public=True),
    case("core:set_language", public=True, method="post", data={"language": "en", "next": "/"}),
]
