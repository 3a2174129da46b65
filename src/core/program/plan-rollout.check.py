# Hand check of the rollout worked example in plan-rollout.test.ts, in plain Python with exact
# fractions and the standard library's calendar: the waves (client i on working day i // pace) and
# the business case on the planned reach (NPV = sum_k CF_k / (1 + r)^k - cost, kopecks half to even).
# Run: python3 src/core/program/plan-rollout.check.py > src/core/program/plan-rollout.check.txt
import datetime as dt
from fractions import Fraction as F

# Labour Code art. 112 for March-April 2026: 8 March is a Sunday, its day off moves to Monday 9 March.
DAYS_OFF = {dt.date(2026, 3, 8), dt.date(2026, 3, 9)}
def working_days(start, n):
    day, out = start, []
    while len(out) < n:
        if day.weekday() < 5 and day not in DAYS_OFF:
            out.append(day)
        day += dt.timedelta(days=1)
    return out

operators, calls_per_hour, hours, reach = 5, 12, 7, F(1, 2)
calls_per_day = operators * calls_per_hour * hours
pace = int(calls_per_day * reach)                 # clients reached a day (one call each)
call_cost, sms_cost = 6_000, 350                  # kopecks per contact
left = 9_000 - 900
paid = min(left, 30_000_000 // call_cost)         # the call channel's budget
planned, wave = paid, 1_000
days = working_days(dt.date(2026, 3, 2), planned // pace + 1)
print('calls a day', calls_per_day, 'clients a day', pace, 'planned', planned, 'left out by the budget', left - paid)
for k in range(-(-planned // wave)):
    first, n = k * wave, min(wave, planned - k * wave)
    a, b = first // pace, (first + n - 1) // pace
    print('wave', k + 1, days[a], days[b], n, 'clients', b - a + 1, 'days', n * (call_cost + sms_cost), 'kopecks')

def case(contacted):
    products = F(contacted) * (F(5, 100) - F(3, 100)) * F(1, 2)
    net = 855_000                                  # CL_CASH net a year, kopecks (compute-business-case.check.py)
    flows = [round(net * products)] * 3
    discounted = [round(F(f) / F(6, 5) ** (k + 1)) for k, f in enumerate(flows)]
    cost = 5_000_000 + contacted * (call_cost + sms_cost)
    return dict(contacted=contacted, products=products, cost=cost, discounted=discounted, npv=sum(discounted) - cost, profit=sum(flows) - cost)

print('planned reach', case(900 + planned))
print('full reach', case(9_000))
