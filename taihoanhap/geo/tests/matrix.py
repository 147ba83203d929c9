from taihoanhap.tests.matrix import SIGNED_IN, case

CASES = [case("geo:commune_list", ok=SIGNED_IN)]
