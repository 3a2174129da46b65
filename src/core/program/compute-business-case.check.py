# Hand check of the business-case worked example in compute-business-case.test.ts and
# build-tornado.test.ts, in plain Python with exact fractions (no numpy_financial):
# NPV = sum_k CF_k / (1 + r)^k - cost, every amount rounded to the kopeck half to even.
# Run: python3 src/core/program/compute-business-case.check.py > src/core/program/compute-business-case.check.txt
from fractions import Fraction as F

def half_even(x):
    return round(x)  # Python's round() of a Fraction is half to even

BASE = dict(
    audience=F(10_000), control_share=F(1, 10),
    sms_cost=F(350),            # kopecks per SMS, one per contacted client
    fixed=F(5_000_000),         # 50 000 roubles
    rt=F(5, 100), rc=F(3, 100), conversion=F(1, 2),
    # CL_CASH: client rate 26%, FTP 17%, PD 6%, LGD 55%; average balance 150 000 roubles
    client_rate=F(26, 100), ftp=F(17, 100), pd=F(6, 100), lgd=F(55, 100), balance=F(15_000_000),
    lifetime=F(3), r=F(20, 100), horizon=5,
)

def case(p, margin_factor=F(1), ecl_factor=F(1)):
    contacted = p['audience'] * (1 - p['control_share'])
    margin = half_even(half_even(p['balance'] * (p['client_rate'] - p['ftp'])) * margin_factor)
    ecl = half_even(half_even(p['balance'] * p['pd'] * p['lgd']) * ecl_factor)
    net = margin - ecl
    contact_cost = half_even(contacted * p['sms_cost'])
    cost = p['fixed'] + contact_cost
    products = contacted * (p['rt'] - p['rc']) * p['conversion']
    years = int(min(p['horizon'], -(-p['lifetime'] // 1)))
    share = [min(F(1), p['lifetime'] - i) for i in range(years)]
    flows = [half_even(net * products * s) for s in share]
    disc = [half_even(f / (1 + p['r']) ** (i + 1)) for i, f in enumerate(flows)]
    npv = sum(disc) - cost
    value = sum(net * s / (1 + p['r']) ** (i + 1) for i, s in enumerate(share))
    owed, payback = cost, None
    for i, d in enumerate(disc):
        if owed <= d:
            payback = i + F(owed, d)
            break
        owed -= d
    return dict(margin=margin, ecl=ecl, net=net, contact_cost=contact_cost, cost=cost, products=products,
                flows=flows, disc=disc, npv=npv, profit=sum(flows) - cost, roi=F(npv, cost),
                value=value, breakeven=F(cost) / (contacted * p['conversion'] * value), payback=payback)

for lifetime in (F(3), F(5, 2)):
    c = case({**BASE, 'lifetime': lifetime})
    print(f"lifetime {lifetime} years")
    print(f"  margin/year {c['margin']}, ECL/year {c['ecl']}, net/year {c['net']} kopecks")
    print(f"  contact cost {c['contact_cost']}, total cost {c['cost']}")
    print(f"  incremental products {c['products']}, flows {c['flows']}, discounted {c['disc']}")
    print(f"  NPV {c['npv']}, profit {c['profit']}, ROI {float(c['roi']):.10f}")
    print(f"  value per product {float(c['value']):.6f}, break-even uplift {float(c['breakeven']):.10f}, payback {float(c['payback']):.10f} years")

print("tornado (lifetime 3): driver npv_low npv_high swing")
KEYS = dict(audience='audience', responseRateTarget='rt', responseRateControl='rc', conversion='conversion',
            costPerContact='sms_cost', fixedCosts='fixed', lifetime='lifetime', discountRate='r')
def scaled(driver, f):
    if driver == 'margin':
        return case(BASE, margin_factor=f)['npv']
    if driver == 'expectedCreditLoss':
        return case(BASE, ecl_factor=f)['npv']
    key = KEYS[driver]
    value = BASE[key] * f
    if key == 'sms_cost' or key == 'fixed':
        value = F(half_even(value))
    return case({**BASE, key: value})['npv']
bars = []
for driver in [*KEYS, 'margin', 'expectedCreditLoss']:
    low, high = scaled(driver, F(8, 10)), scaled(driver, F(12, 10))
    bars.append((abs(high - low), driver, low, high))
for swing, driver, low, high in sorted(bars, key=lambda b: -b[0]):
    print(f"  {driver} {low} {high} {swing}")
