def count_to(name, n):
    print(f"{name} starts")
    total = 0
    for i in range(n):
        total += i
    print(f"{name} ends")


def main():
    count_to("long", 2_000_000)
    count_to("short", 10)


if __name__ == "__main__":
    main()
