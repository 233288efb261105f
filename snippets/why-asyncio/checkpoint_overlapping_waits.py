import asyncio
import time


async def fetch(name, seconds):
    await asyncio.sleep(seconds)  # stands for waiting on a server
    return name


async def main():
    started = time.perf_counter()
    files = await asyncio.gather(
        fetch("page.html", 0.1),
        fetch("photo.jpg", 0.5),  # the slow server
        fetch("style.css", 0.1),
        fetch("logo.png", 0.1),
    )
    print(
        f"{len(files)} files, 0.8 s of waiting in all, after {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    asyncio.run(main())
