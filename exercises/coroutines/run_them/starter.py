import time


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


async def main():
    divs1 = find_divisibles(508000, 34113)
    divs2 = find_divisibles(100052, 3210)
    divs3 = find_divisibles(500, 3)
    print(f"found {len(divs1)}, {len(divs2)} and {len(divs3)} numbers")


main()
