import asyncio
import sys
import time

# The program each child Python runs: sleep for the seconds it is given, then say so.
CHILD = "import sys, time; time.sleep(float(sys.argv[2])); print(sys.argv[1], 'child is done')"
CHILDREN = [("slow", 0.3), ("medium", 0.2), ("quick", 0.1)]


async def run_child(name, seconds):
    """Run one child; return its line and how long it took, from its start to its exit."""
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, name, str(seconds), stdout=asyncio.subprocess.PIPE
    )
    output, _ = await process.communicate()  # waits for the child to exit
    elapsed = time.perf_counter() - started
    return f"  {output.decode().strip()}, exit status {process.returncode}, after {elapsed:.2f} s"


async def main():
    print("one after another:")
    started = time.perf_counter()
    for name, seconds in CHILDREN:
        print(await run_child(name, seconds))
    one_after_another = time.perf_counter() - started

    print("together:")
    started = time.perf_counter()
    # gather returns the results in the order of its arguments, whichever child ends first
    for line in await asyncio.gather(*(run_child(name, s) for name, s in CHILDREN)):
        print(line)
    together = time.perf_counter() - started

    print(f"one after another: {one_after_another:.2f} s")
    print(f"together: {together:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
