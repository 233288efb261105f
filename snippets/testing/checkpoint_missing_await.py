import asyncio
import unittest


async def find_divisibles(inrange, div_by):
    await asyncio.sleep(0)
    return [i for i in range(inrange) if i % div_by == 0]


class TinySearchTest(unittest.IsolatedAsyncioTestCase):
    async def test_the_tiny_search_finds_something(self):
        found = find_divisibles(10, 3)
        self.assertTrue(found)


if __name__ == "__main__":
    unittest.main()
