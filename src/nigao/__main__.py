from nigao.cli import main

main()
