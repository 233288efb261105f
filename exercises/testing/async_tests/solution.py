import asyncio
import unittest


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    print(f"done with {inrange} / {div_by}: {len(located)} found")
    return located


class FindDivisiblesTest(unittest.IsolatedAsyncioTestCase):
    async def test_a_tiny_search(self):
        self.assertEqual(await find_divisibles(10, 3), [0, 3, 6, 9])

    async def test_b_a_medium_search(self):
        self.assertEqual(len(await find_divisibles(100052, 3210)), 32)


unittest.main(verbosity=2)
