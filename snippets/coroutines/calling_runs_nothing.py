import time


async def find_divisibles(inrange, div_by):  # new
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


def main():
    divs1 = find_divisibles(508000, 34113)  # new
    print(f"find_divisibles returned {divs1}")  # new
    print("main is finished")  # new


if __name__ == "__main__":
    main()
