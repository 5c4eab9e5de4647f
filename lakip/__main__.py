from lakip.cli import main

main()
