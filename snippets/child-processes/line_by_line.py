import asyncio
import sys
import time

# A child that prints three lines, 0.2 s apart. flush=True sends each line at once:
# when its output goes to a pipe, Python would otherwise keep the lines until it exits.
CHILD = """
import time
for n in range(1, 4):
    time.sleep(0.2)
    print("line", n, flush=True)
"""


async def main():
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, stdout=asyncio.subprocess.PIPE
    )
    async for line in process.stdout:  # each line as soon as the child writes it
        elapsed = time.perf_counter() - started
        print(f"after {elapsed:.2f} s: {line.decode().strip()}")
    await process.wait()
    elapsed = time.perf_counter() - started
    print(f"after {elapsed:.2f} s: the child exited with status {process.returncode}")


if __name__ == "__main__":
    asyncio.run(main())
