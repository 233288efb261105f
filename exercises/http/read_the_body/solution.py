import asyncio
import time


async def server(reader, path):
    """Stands in for the network and a server that keeps the connection open."""
    seconds = float(path.strip("/"))
    await asyncio.sleep(seconds)  # the server's slow part, such as a database query
    body = f"waited {seconds} s\n".encode()
    reader.feed_data(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
    reader.feed_data(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    await asyncio.sleep(1)  # the connection stays open a second more, then ...
    reader.feed_eof()  # ... the server hangs up


async def fetch(path):
    """A tiny HTTP client: one GET request, on a connection of its own."""
    reader = asyncio.StreamReader()  # our side of the connection
    connection = asyncio.create_task(server(reader, path))  # stands in for sending the request
    status = (await reader.readline()).decode().strip()
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    body = await reader.readexactly(int(headers["content-length"]))
    connection.cancel()  # stands in for writer.close(): we hang up
    return status, body.decode().strip()


async def main():
    waits = [0.3, 0.1, 0.2, 0.3, 0.1, 0.2]
    paths = [f"/{seconds}" for seconds in waits]
    started = time.perf_counter()
    replies = await asyncio.gather(*(fetch(path) for path in paths))
    elapsed = time.perf_counter() - started
    for path, (status, body) in zip(paths, replies, strict=True):
        print(f"GET {path}: {status}, {body}")
    print(f"{len(paths)} requests took {elapsed:.2f} s")


asyncio.run(main())
