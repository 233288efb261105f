import asyncio
import sys
import time

# The program each child Python runs: sleep until the moment it is given, then say so.
# A moment rather than a number of seconds: a new Python takes a while to start, longer on a
# busy machine, and that wait must not change which child is done first.
CHILD = (
    "import sys, time; time.sleep(max(0, float(sys.argv[2]) - time.time())); "
    "print(sys.argv[1], 'child is done')"
)
CHILDREN = [("slow", 0.3), ("medium", 0.2), ("quick", 0.1)]


async def run_child(name, seconds):
    done_at = time.time() + seconds  # the clock all processes share
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, name, str(done_at), stdout=asyncio.subprocess.PIPE
    )
    output, _ = await process.communicate()  # waits for the child to exit
    print(f"  {output.decode().strip()}, exit status {process.returncode}")


async def main():
    print("one after another:")
    started = time.perf_counter()
    for name, seconds in CHILDREN:
        await run_child(name, seconds)
    one_after_another = time.perf_counter() - started

    print("together:")
    started = time.perf_counter()
    await asyncio.gather(*(run_child(name, seconds) for name, seconds in CHILDREN))
    together = time.perf_counter() - started

    print(f"one after another: {one_after_another:.2f} s")
    print(f"together: {together:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
