import ShockFlowLinearAlgebra

FastKernel.reexecuteIfNeeded()
ShockFlowCommand.main()
