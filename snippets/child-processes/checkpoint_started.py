import asyncio
import sys


def child(name, seconds):
    # A child Python that sleeps, then prints straight to our terminal.
    code = f"import time; time.sleep({seconds}); print('{name} child is done')"
    return asyncio.create_subprocess_exec(sys.executable, "-c", code)


async def main():
    slow = await child("slow", 0.3)
    quick = await child("quick", 0.1)
    print("both children started")
    await slow.wait()
    print("main waited for the slow child")
    await quick.wait()
    print("main waited for the quick child")


if __name__ == "__main__":
    asyncio.run(main())
