from exitlens.cli import main

main()
