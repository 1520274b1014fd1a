<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BilingualText</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>{0}, in English</source>
        <translation>{0}（英文）</translation>
    </message>
    <message>
        <source>{0}, in Chinese</source>
        <translation>{0}（中文）</translation>
    </message>
    <message>
        <source>No English yet: the lesson shows the Chinese text to everyone who uses Glassbox in English.</source>
        <translation>还没有英文：使用英文界面的人会看到中文内容。</translation>
    </message>
    <message>
        <source>No Chinese yet: the lesson shows the English text to everyone who uses Glassbox in Chinese.</source>
        <translation>还没有中文：使用中文界面的人会看到英文内容。</translation>
    </message>
</context>
<context>
    <name>EditorFiles</name>
    <message>
        <source>Glassbox lessons (*{0})</source>
        <translation>Glassbox 课程文件 (*{0})</translation>
    </message>
    <message>
        <source>Open Lesson to Edit</source>
        <translation>打开课程进行编辑</translation>
    </message>
    <message>
        <source>Opened {0}.</source>
        <translation>已打开 {0}。</translation>
    </message>
    <message>
        <source>Save Lesson As</source>
        <translation>课程另存为</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved the lesson to {0}.</source>
        <translation>课程已保存到 {0}。</translation>
    </message>
    <message>
        <source>Unsaved Lesson</source>
        <translation>课程未保存</translation>
    </message>
    <message>
        <source>The lesson has changes that are not saved. Save them first?</source>
        <translation>这节课有尚未保存的修改。要先保存吗？</translation>
    </message>
    <message>
        <source>The identifier “{0}” is already used by the lesson “{1}” ({2}); give this lesson another identifier on the Lesson page.</source>
        <translation>标识名“{0}”已被课程“{1}”（{2}）使用；请在“课程”页给这节课换一个标识名。</translation>
    </message>
    <message>
        <source>Save Lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>Could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>GoalChooser</name>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>This challenge reads the {0} tab, and the scene shows the {1} tab: the class will have to switch tabs.</source>
        <translation>这个挑战读取的是“{0}”标签页，而场景显示的是“{1}”标签页：学生需要切换标签页才能完成。</translation>
    </message>
    <message>
        <source>The scene sets no challenge.</source>
        <translation>这个场景不设挑战。</translation>
    </message>
    <message>
        <source>The class reads: {0}</source>
        <translation>学生看到的是：{0}</translation>
    </message>
    <message>
        <source>No challenge</source>
        <translation>不设挑战</translation>
    </message>
    <message>
        <source>A goal the app checks live while the class works, and celebrates when met</source>
        <translation>学生操作时软件实时检查的目标，达成时会有庆祝提示</translation>
    </message>
</context>
<context>
    <name>GoalWords</name>
    <message>
        <source>Get the test loss under {0} on the {1} dataset with at most {2} hidden neurons.</source>
        <translation>在“{1}”数据集上，用不超过 {2} 个隐藏神经元，把测试损失降到 {0} 以下。</translation>
    </message>
    <message>
        <source>Reach a test accuracy of at least {0} on the {1} dataset with at least {2} hidden layers.</source>
        <translation>在“{1}”数据集上，用至少 {2} 个隐藏层，让测试准确率达到 {0} 以上。</translation>
    </message>
    <message>
        <source>In a network of at least {0} hidden layers, make the first layer's gradient at least {1} × the last layer's.</source>
        <translation>在至少有 {0} 个隐藏层的网络中，让第一层的梯度至少是最后一层的 {1} 倍。</translation>
    </message>
    <message>
        <source>On the {0} surface, bring {1} within {2} of a minimum in at most {3} steps.</source>
        <translation>在曲面“{0}”上，让 {1} 在 {3} 步以内走到离某个最小值不到 {2} 的地方。</translation>
    </message>
    <message>
        <source>On the {0} surface, make SGD diverge, then find the largest learning rate at which it does not (within {1}).</source>
        <translation>在曲面“{0}”上，先让 SGD 发散，再找出它不发散的最大学习率（误差在 {1} 以内）。</translation>
    </message>
    <message>
        <source>On the Himmelblau surface, bring another optimizer to a different minimum than Adam reaches.</source>
        <translation>在 Himmelblau 曲面上，让另一个优化器到达一个与 Adam 不同的最小值。</translation>
    </message>
    <message>
        <source>Draw a {0} that the network reads as {0} with at least {1} probability.</source>
        <translation>画一个 {0}，让网络以至少 {1} 的概率认出它是 {0}。</translation>
    </message>
    <message>
        <source>Find the mistake the network makes most often: click its cell in the confusion matrix.</source>
        <translation>找出网络最常犯的错误：在混淆矩阵中点击那个格子。</translation>
    </message>
    <message>
        <source>Make the autoencoder rebuild the {0}s with at most {1} numbers in its middle, with at most {2} of the error of answering the average image.</source>
        <translation>让自编码器在中间最多只有 {1} 个数的情况下重建数字 {0}，误差不超过“直接给出平均图像”时的 {2}。</translation>
    </message>
    <message>
        <source>Goal met!</source>
        <translation>挑战完成！</translation>
    </message>
    <message>
        <source>the dataset is {0}, not {1}</source>
        <translation>现在的数据集是“{0}”，不是“{1}”</translation>
    </message>
    <message>
        <source>test loss {0} now (goal: under {1})</source>
        <translation>现在测试损失为 {0}（目标：低于 {1}）</translation>
    </message>
    <message>
        <source>no test loss yet: train the network</source>
        <translation>还没有测试损失：先训练网络</translation>
    </message>
    <message>
        <source>{0} hidden neurons (at most {1})</source>
        <translation>{0} 个隐藏神经元（最多 {1} 个）</translation>
    </message>
    <message>
        <source>{0} hidden layers (at least {1})</source>
        <translation>{0} 个隐藏层（至少 {1} 个）</translation>
    </message>
    <message>
        <source>test accuracy {0} now (goal: at least {1})</source>
        <translation>现在测试准确率为 {0}（目标：至少 {1}）</translation>
    </message>
    <message>
        <source>no test accuracy yet: train the network</source>
        <translation>还没有测试准确率：先训练网络</translation>
    </message>
    <message>
        <source>the first layer's gradient is {0} × the last layer's (goal: at least {1} ×)</source>
        <translation>第一层的梯度是最后一层的 {0} 倍（目标：至少 {1} 倍）</translation>
    </message>
    <message>
        <source>no gradient sizes yet: train a step with the Network tab on screen</source>
        <translation>还没有梯度大小：打开“网络”标签页，训练一步</translation>
    </message>
    <message>
        <source>race {0} on the {1} surface</source>
        <translation>在曲面“{1}”上让 {0} 参加比赛</translation>
    </message>
    <message>
        <source>{0} is {1} from the nearest minimum at step {2}</source>
        <translation>第 {2} 步时，{0} 离最近的最小值还有 {1}</translation>
    </message>
    <message>
        <source>it does not get within {0} in {1} steps</source>
        <translation>它在 {1} 步内没有走到离最小值 {0} 以内</translation>
    </message>
    <message>
        <source>it gets within {0} at step {1}: play the race to see it</source>
        <translation>它在第 {1} 步走到 {0} 以内：播放比赛看看</translation>
    </message>
    <message>
        <source>race SGD on the {0} surface</source>
        <translation>在曲面“{0}”上让 SGD 参加比赛</translation>
    </message>
    <message>
        <source>SGD diverged at learning rate {0} {1}</source>
        <translation>SGD 在学习率 {0} 时发散了 {1}</translation>
    </message>
    <message>
        <source>first make SGD diverge: raise the learning rate and play</source>
        <translation>先让 SGD 发散：调大学习率，然后播放</translation>
    </message>
    <message>
        <source>at learning rate {0} it diverges</source>
        <translation>学习率为 {0} 时它发散</translation>
    </message>
    <message>
        <source>at learning rate {0} it does not reach the minimum in {1} steps</source>
        <translation>学习率为 {0} 时它在 {1} 步内到不了最小值</translation>
    </message>
    <message>
        <source>at learning rate {0} it has not reached the minimum yet: play on</source>
        <translation>学习率为 {0} 时它还没有到达最小值：继续播放</translation>
    </message>
    <message>
        <source>at learning rate {0} it converges, and a larger rate would too</source>
        <translation>学习率为 {0} 时它收敛了，但更大的学习率也能收敛</translation>
    </message>
    <message>
        <source>at learning rate {0} it converges, close to the edge</source>
        <translation>学习率为 {0} 时它收敛了，已经很接近临界值</translation>
    </message>
    <message>
        <source>race Adam and another optimizer on the Himmelblau surface</source>
        <translation>在 Himmelblau 曲面上让 Adam 和另一个优化器比赛</translation>
    </message>
    <message>
        <source>Adam ends in the minimum at {0}</source>
        <translation>Adam 停在最小值 {0}</translation>
    </message>
    <message>
        <source>Adam has not settled in a minimum yet</source>
        <translation>Adam 还没有停在某个最小值上</translation>
    </message>
    <message>
        <source>{0} ends in the minimum at {1}</source>
        <translation>{0} 停在最小值 {1}</translation>
    </message>
    <message>
        <source>no other optimizer ends in another minimum yet</source>
        <translation>还没有别的优化器停在另一个最小值上</translation>
    </message>
    <message>
        <source>draw on the sheet in the Convolution tab</source>
        <translation>在“卷积”标签页的画纸上画</translation>
    </message>
    <message>
        <source>waiting for the network's answer</source>
        <translation>正在等网络的回答</translation>
    </message>
    <message>
        <source>the network gives {0} a probability of {1} (goal: at least {2})</source>
        <translation>网络认为它是 {0} 的概率为 {1}（目标：至少 {2}）</translation>
    </message>
    <message>
        <source>its best guess is {0}</source>
        <translation>它最有把握的答案是 {0}</translation>
    </message>
    <message>
        <source>open the confusion matrix while the network trains</source>
        <translation>在网络训练时打开混淆矩阵</translation>
    </message>
    <message>
        <source>click the cell you think holds the most mistakes</source>
        <translation>点击你认为错误最多的那个格子</translation>
    </message>
    <message>
        <source>that cell holds right answers: look off the diagonal</source>
        <translation>这个格子里是答对的：请看对角线以外的格子</translation>
    </message>
    <message>
        <source>that cell holds {0} mistakes; another holds more</source>
        <translation>这个格子里有 {0} 个错误；还有格子错得更多</translation>
    </message>
    <message>
        <source>that cell holds {0} mistakes</source>
        <translation>这个格子里有 {0} 个错误</translation>
    </message>
    <message>
        <source>train the autoencoder</source>
        <translation>训练自编码器</translation>
    </message>
    <message>
        <source>{0} numbers in the middle (at most {1})</source>
        <translation>中间有 {0} 个数（最多 {1} 个）</translation>
    </message>
    <message>
        <source>the {0}s are rebuilt with {1} of the average image's error (goal: at most {2})</source>
        <translation>重建数字 {0} 的误差是平均图像误差的 {1}（目标：最多 {2}）</translation>
    </message>
    <message>
        <source>Share of the average image's error, at most</source>
        <translation>占“平均图像”误差的比例，不超过</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Test loss under</source>
        <translation>测试损失低于</translation>
    </message>
    <message>
        <source>Hidden neurons, at most</source>
        <translation>隐藏神经元个数，不超过</translation>
    </message>
    <message>
        <source>Test accuracy, at least</source>
        <translation>测试准确率，不低于</translation>
    </message>
    <message>
        <source>Hidden layers, at least</source>
        <translation>隐藏层数，不少于</translation>
    </message>
    <message>
        <source>First layer's gradient over the last's, at least</source>
        <translation>第一层梯度与最后一层梯度之比，不低于</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Steps, at most</source>
        <translation>步数，不超过</translation>
    </message>
    <message>
        <source>Distance to a minimum</source>
        <translation>到最小值的距离</translation>
    </message>
    <message>
        <source>Tolerance below the largest rate</source>
        <translation>允许比最大学习率低多少</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Probability, at least</source>
        <translation>概率，不低于</translation>
    </message>
    <message>
        <source>Numbers in the middle, at most</source>
        <translation>中间层的数，不超过</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Look at:</source>
        <translation>请观察：</translation>
    </message>
    <message>
        <source>Try this:</source>
        <translation>试一试：</translation>
    </message>
    <message>
        <source>Challenge:</source>
        <translation>挑战：</translation>
    </message>
    <message>
        <source>Scene {0} · {1}</source>
        <translation>场景 {0} · {1}</translation>
    </message>
    <message>
        <source>About {0} min</source>
        <translation>约 {0} 分钟</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>你的回答：</translation>
    </message>
    <message>
        <source>{0}. {1} ({2} min)</source>
        <translation>{0}. {1}（{2} 分钟）</translation>
    </message>
    <message>
        <source>Written by {0}</source>
        <translation>作者：{0}</translation>
    </message>
    <message>
        <source>Name {0}   Class {1}   Date {2}</source>
        <translation>姓名 {0}   班级 {1}   日期 {2}</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>About {0} minutes in all.</source>
        <translation>共约 {0} 分钟。</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Open a lesson first (Lesson › Open Lesson…); its handout is made from its scenes.</source>
        <translation>请先打开一节课程（课程 › 打开课程…）；学习单由它的场景生成。</translation>
    </message>
    <message>
        <source>Export Handout (PDF)</source>
        <translation>导出学习单（PDF）</translation>
    </message>
    <message>
        <source>A worksheet to print: every scene's title, text, task and a picture of its view, with room for answers. The window shows each scene in turn while its picture is taken.</source>
        <translation>一份可以打印的学习单：每个场景的标题、讲解、任务和一张画面截图，并留出作答的地方。截图时，窗口会依次显示每个场景。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save Handout</source>
        <translation>保存学习单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Give the file a name.</source>
        <translation>请给文件起个名字。</translation>
    </message>
    <message>
        <source>Taking the picture of scene {0} of {1}…</source>
        <translation>正在截取第 {0} 个场景的画面（共 {1} 个）……</translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation>正在排版页面……</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消；没有写入任何文件。</translation>
    </message>
    <message>
        <source>Saved the handout to {0}.</source>
        <translation>学习单已保存到 {0}。</translation>
    </message>
</context>
<context>
    <name>HideChecklist</name>
    <message>
        <source>Hide what the class does not need yet (the scene shows everything else):</source>
        <translation>隐藏学生暂时用不到的部分（其余部分照常显示）：</translation>
    </message>
</context>
<context>
    <name>LessonEditor</name>
    <message>
        <source>(no title yet)</source>
        <translation>（还没有标题）</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>新课程</translation>
    </message>
    <message>
        <source>Lesson Editor — {0}[*]</source>
        <translation>课程编辑器 — {0}[*]</translation>
    </message>
    <message>
        <source>Added scene {0}: give it a title and the words for the class.</source>
        <translation>已添加场景 {0}：请给它起个标题，写上给学生的话。</translation>
    </message>
    <message>
        <source>Scene {0} now shows the current view.</source>
        <translation>场景 {0} 现在显示当前画面。</translation>
    </message>
    <message>
        <source>Deleted the scene (Undo brings it back).</source>
        <translation>已删除场景（点“撤销”可以恢复）。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Edit a lesson file</source>
        <translation>编辑一个课程文件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the lesson (Ctrl+S)</source>
        <translation>保存课程（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the lesson in a new file</source>
        <translation>把课程保存为新文件</translation>
    </message>
    <message>
        <source>Add this view as a scene</source>
        <translation>把当前画面添加为场景</translation>
    </message>
    <message>
        <source>A new scene after this one, showing the app exactly as it is now</source>
        <translation>在当前场景后面新增一个场景，内容就是软件现在的样子</translation>
    </message>
    <message>
        <source>Replace with current view</source>
        <translation>用当前画面替换</translation>
    </message>
    <message>
        <source>This scene shows the app as it is now; its words, what it hides and its challenge stay</source>
        <translation>让这个场景改为显示软件现在的样子；文字、隐藏项和挑战保持不变</translation>
    </message>
    <message>
        <source>Try this scene</source>
        <translation>试播这个场景</translation>
    </message>
    <message>
        <source>Show this scene in the app as the class will see it (F5)</source>
        <translation>在软件中按学生将看到的样子显示这个场景（F5）</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>A copy of this scene right after it</source>
        <translation>在这个场景后面紧接着放一个副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this scene (Undo brings it back)</source>
        <translation>删除这个场景（点“撤销”可以恢复）</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Earlier in the lesson (Alt+Up); or drag it in the list</source>
        <translation>在课程中往前挪（Alt+↑）；也可以在列表里拖动</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Later in the lesson (Alt+Down); or drag it in the list</source>
        <translation>在课程中往后挪（Alt+↓）；也可以在列表里拖动</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last change to the list: add, delete, move, replace</source>
        <translation>撤销对场景列表的上一次改动：添加、删除、移动、替换</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>No scenes yet. Set the app up as the class should first see it (the tab, the network, the settings), then click “Add this view as a scene”.</source>
        <translation>还没有场景。先把软件调成学生第一眼应该看到的样子（标签页、网络、各项设置），再点“把当前画面添加为场景”。</translation>
    </message>
    <message>
        <source>This is a copy of a built-in lesson: save it as a lesson of your own.</source>
        <translation>这是内置课程的副本：请把它另存为你自己的课程。</translation>
    </message>
</context>
<context>
    <name>LessonFields</name>
    <message>
        <source>Lesson title</source>
        <translation>课程标题</translation>
    </message>
    <message>
        <source>Summary (what the class will learn)</source>
        <translation>简介（学生将学到什么）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Explanation (plain words for beginners)</source>
        <translation>讲解（用初学者听得懂的话）</translation>
    </message>
    <message>
        <source>Look at</source>
        <translation>请看</translation>
    </message>
    <message>
        <source>Try this</source>
        <translation>试一试</translation>
    </message>
</context>
<context>
    <name>LessonForm</name>
    <message>
        <source>Identifier:</source>
        <translation>标识名：</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <source>How the command line names the lesson (python main.py snapshot --lesson ID): lowercase letters, digits and dashes</source>
        <translation>命令行用来指代这节课的名字（python main.py snapshot --lesson ID）：只能用小写字母、数字和短横线</translation>
    </message>
    <message>
        <source>Your name or your school</source>
        <translation>你的名字或学校</translation>
    </message>
    <message>
        <source>An identifier is 1 to 40 lowercase letters, digits and dashes.</source>
        <translation>标识名由 1 到 40 个小写字母、数字和短横线组成。</translation>
    </message>
    <message>
        <source>Made from the English title until you type one.</source>
        <translation>在你自己填写之前，由英文标题自动生成。</translation>
    </message>
    <message>
        <source>Made from the English title (or, without one, from the file's name when you save); or type one.</source>
        <translation>由英文标题自动生成（没有英文标题时，保存时取文件名）；也可以自己填写。</translation>
    </message>
    <message>
        <source>{0} scenes, about {1} minutes in all.</source>
        <translation>共 {0} 个场景，大约 {1} 分钟。</translation>
    </message>
</context>
<context>
    <name>LessonHiding</name>
    <message>
        <source>Settings panel</source>
        <translation>设置面板</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Other tabs</source>
        <translation>其他页面</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Network: step-through controls</source>
        <translation>网络：单步演示控件</translation>
    </message>
    <message>
        <source>Network: decision boundary</source>
        <translation>网络：决策边界</translation>
    </message>
    <message>
        <source>Network: gradient sizes</source>
        <translation>网络：梯度大小</translation>
    </message>
    <message>
        <source>Network: ± buttons and activation menus</source>
        <translation>网络：± 按钮和激活函数菜单</translation>
    </message>
    <message>
        <source>Convolution: choice of view</source>
        <translation>卷积：视图选择</translation>
    </message>
    <message>
        <source>Convolution: open, paste, draw and samples</source>
        <translation>卷积：打开、粘贴、手写和示例图片</translation>
    </message>
    <message>
        <source>Convolution: training panel</source>
        <translation>卷积：训练面板</translation>
    </message>
    <message>
        <source>Landscape: surfaces or your network</source>
        <translation>地形：经典曲面或你的网络</translation>
    </message>
    <message>
        <source>Landscape: race settings</source>
        <translation>地形：赛跑设置</translation>
    </message>
    <message>
        <source>Autoencoder: controls</source>
        <translation>自编码器：控件</translation>
    </message>
    <message>
        <source>Autoencoder: plane of codes</source>
        <translation>自编码器：编码平面</translation>
    </message>
</context>
<context>
    <name>LessonOverlay</name>
    <message>
        <source>✓ Goal reached!</source>
        <translation>✓ 目标达成！</translation>
    </message>
    <message>
        <source>(H: unfold)</source>
        <translation>（按 H 展开）</translation>
    </message>
    <message>
        <source>Try this: {0}</source>
        <translation>试一试：{0}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Scene {0} of {1} · {2} min</source>
        <translation>场景 {0} / {1} · {2} 分钟</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Look at:</source>
        <translation>请观察：</translation>
    </message>
    <message>
        <source>Try this:</source>
        <translation>试一试：</translation>
    </message>
    <message>
        <source>Challenge:</source>
        <translation>挑战：</translation>
    </message>
    <message>
        <source>✓ Goal reached!</source>
        <translation>✓ 目标达成！</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <source>The previous scene (Page Up)</source>
        <translation>上一个场景（Page Up）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <source>The next scene (Page Down, or a presentation clicker)</source>
        <translation>下一个场景（Page Down，或用翻页笔）</translation>
    </message>
    <message>
        <source>Close Lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>Close the lesson: every control comes back; the screen stays as it is</source>
        <translation>关闭课程：隐藏的控件全部恢复，画面保持不变</translation>
    </message>
    <message>
        <source>Go to any scene of the lesson</source>
        <translation>跳到课程的任意一个场景</translation>
    </message>
</context>
<context>
    <name>LessonStates</name>
    <message>
        <source>Scene {0} shows a tab Glassbox does not have: “{1}”.</source>
        <translation>场景 {0} 要显示的页面 Glassbox 里没有：“{1}”。</translation>
    </message>
    <message>
        <source>Scene {0} sets up a tab Glassbox does not have: “{1}”.</source>
        <translation>场景 {0} 设置的页面 Glassbox 里没有：“{1}”。</translation>
    </message>
    <message>
        <source>Scene {0} cannot be shown: the value of “{1}” for the {2} tab is not one it accepts. Correct it in the lesson editor.</source>
        <translation>无法显示场景 {0}：“{2}”页不接受“{1}”的这个值。请在课程编辑器里改正。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Autoencoder</source>
        <translation>自编码器</translation>
    </message>
</context>
<context>
    <name>OpenLessonDialog</name>
    <message>
        <source>Glassbox lessons (*.glassbox-lesson)</source>
        <translation>Glassbox 课程文件 (*.glassbox-lesson)</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Choose a lesson. Each scene sets up the app; Page Down and Page Up (or a presentation clicker) move between scenes.</source>
        <translation>选择一门课程。每个场景都会把软件设置好；用 Page Down 和 Page Up（或翻页笔）在场景之间切换。</translation>
    </message>
    <message>
        <source>Open a lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <source>A .glassbox-lesson file from a colleague or a USB stick</source>
        <translation>同事发来的或 U 盘里的 .glassbox-lesson 文件</translation>
    </message>
    <message>
        <source>No lessons are installed yet: open a lesson file.</source>
        <translation>还没有安装任何课程：请打开一个课程文件。</translation>
    </message>
    <message>
        <source>Some installed lessons could not be read:</source>
        <translation>有些已安装的课程无法读取：</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>{0}
{1} scenes · about {2} min · {3}</source>
        <translation>{0}
{1} 个场景 · 约 {2} 分钟 · {3}</translation>
    </message>
    <message>
        <source>Open Lesson File</source>
        <translation>打开课程文件</translation>
    </message>
</context>
<context>
    <name>SceneForm</name>
    <message>
        <source>Minutes planned:</source>
        <translation>计划用时：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The time this scene is planned to take in class (the lesson list adds them up)</source>
        <translation>这个场景在课堂上计划用的时间（课程列表会把它们加起来）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>挑战</translation>
    </message>
    <message>
        <source>Scene {0} of {1}</source>
        <translation>场景 {0} / {1}</translation>
    </message>
    <message>
        <source>Shows the {0} tab, as it was when the scene was added (to change it, set the window up and use “Replace with current view”).</source>
        <translation>显示“{0}”标签页，保持添加场景时的样子（要修改，先把窗口调好，再点“用当前画面替换”）。</translation>
    </message>
</context>
<context>
    <name>WindowLessons</name>
    <message>
        <source>Open Lesson…</source>
        <translation>打开课程…</translation>
    </message>
    <message>
        <source>Choose a lesson to teach, scene by scene (Ctrl+L)</source>
        <translation>选择一门课程，一个场景一个场景地讲（Ctrl+L）</translation>
    </message>
    <message>
        <source>Close Lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>Close the lesson: every hidden control comes back</source>
        <translation>关闭课程：隐藏的控件全部恢复</translation>
    </message>
    <message>
        <source>Next Scene</source>
        <translation>下一个场景</translation>
    </message>
    <message>
        <source>The next scene of the lesson (Page Down, or a clicker)</source>
        <translation>课程的下一个场景（Page Down，或用翻页笔）</translation>
    </message>
    <message>
        <source>Previous Scene</source>
        <translation>上一个场景</translation>
    </message>
    <message>
        <source>The scene before (Page Up)</source>
        <translation>前一个场景（Page Up）</translation>
    </message>
    <message>
        <source>Edit Lesson…</source>
        <translation>编辑课程…</translation>
    </message>
    <message>
        <source>Change this lesson's scenes, texts and goals</source>
        <translation>修改这门课程的场景、文字和目标</translation>
    </message>
    <message>
        <source>New Lesson…</source>
        <translation>新建课程…</translation>
    </message>
    <message>
        <source>Write a lesson of your own from what the app shows</source>
        <translation>用软件里的画面编写你自己的课程</translation>
    </message>
    <message>
        <source>Export Handout (PDF)…</source>
        <translation>导出学习单（PDF）…</translation>
    </message>
    <message>
        <source>Print every scene with a picture, its task and room for answers, as a worksheet</source>
        <translation>把每个场景连同图片、任务和答题空白打印成学习单</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Last time this lesson stopped at scene {0}, “{1}”. Continue there?</source>
        <translation>上次这门课程停在场景 {0}“{1}”。要从那里继续吗？</translation>
    </message>
    <message>
        <source>Continue at scene {0}</source>
        <translation>从场景 {0} 继续</translation>
    </message>
    <message>
        <source>From the beginning</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>This is the last scene; Lesson › Close Lesson ends it.</source>
        <translation>这是最后一个场景；用“课程 › 关闭课程”结束。</translation>
    </message>
    <message>
        <source>This is the first scene.</source>
        <translation>这是第一个场景。</translation>
    </message>
    <message>
        <source>The lesson editor is not available in this version.</source>
        <translation>这个版本没有课程编辑器。</translation>
    </message>
    <message>
        <source>Open a lesson first (Lesson › Open Lesson…, Ctrl+L).</source>
        <translation>请先打开一门课程（课程 › 打开课程…，Ctrl+L）。</translation>
    </message>
    <message>
        <source>Exporting a handout is not available in this version.</source>
        <translation>这个版本还不能导出学习单。</translation>
    </message>
    <message>
        <source>Opened the lesson “{0}”: Page Down for the next scene, Page Up for the one before.</source>
        <translation>已打开课程“{0}”：Page Down 进入下一个场景，Page Up 回到上一个。</translation>
    </message>
    <message>
        <source>Closed the lesson; every control is back.</source>
        <translation>课程已关闭，所有控件都已恢复。</translation>
    </message>
    <message>
        <source>✓ Goal reached! Well done.</source>
        <translation>✓ 目标达成！做得好。</translation>
    </message>
</context>
</TS>