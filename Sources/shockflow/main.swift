FastKernel.reexecuteIfNeeded()
ShockFlowCommand.main()
