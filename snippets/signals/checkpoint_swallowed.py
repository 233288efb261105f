import asyncio
import signal


async def main():
    try:
        signal.raise_signal(signal.SIGINT)  # as if Ctrl-C were pressed right now
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("main: cancelled, and returns anyway")
        return "partial result"


if __name__ == "__main__":
    try:
        print(asyncio.run(main()))
    except KeyboardInterrupt:
        print("KeyboardInterrupt")
