package org.socketinspector.cli;

import org.socketinspector.model.ToolInfo;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ToolInfo.NAME + " " + ToolInfo.current().version()};
    }
}
