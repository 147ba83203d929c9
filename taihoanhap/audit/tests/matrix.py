from taihoanhap.tests.matrix import case

CASES = [
    case("audit:event_list", ok={"admin", "inspector"}),
]
